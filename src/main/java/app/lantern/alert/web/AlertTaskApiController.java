package app.lantern.alert.web;

import app.lantern.alert.AlertTasks;
import app.lantern.identity.CurrentActor;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/tasks}: tasks opened by alert rules — the caller's own, or a rep's in the caller's scope. */
@RestController
@RequestMapping("/api/v1/tasks")
class AlertTaskApiController {

    private final AlertTasks tasks;
    private final CurrentActor currentActor;

    AlertTaskApiController(AlertTasks tasks, CurrentActor currentActor) {
        this.tasks = tasks;
        this.currentActor = currentActor;
    }

    @GetMapping
    List<AlertTasks.Task> list(@RequestParam(required = false) Long assigneeId) {
        return tasks.of(assigneeId == null ? currentActor.require().userId() : assigneeId, 100);
    }

    @PostMapping("/{id}/done")
    AlertTasks.Task done(@PathVariable long id) {
        return tasks.mark(id, true);
    }

    @PostMapping("/{id}/undone")
    AlertTasks.Task undone(@PathVariable long id) {
        return tasks.mark(id, false);
    }
}
