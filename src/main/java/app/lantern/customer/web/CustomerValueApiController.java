package app.lantern.customer.web;

import app.lantern.customer.CustomerManagement;
import app.lantern.customer.CustomerValue;
import app.lantern.identity.CurrentActor;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Customer value over REST: the weights of the score, a recompute, and one customer's latest score and tier. */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerValueApiController {

    private final CustomerManagement customers;
    private final CustomerValue value;
    private final CurrentActor currentActor;

    CustomerValueApiController(CustomerManagement customers, CustomerValue value, CurrentActor currentActor) {
        this.customers = customers;
        this.value = value;
        this.currentActor = currentActor;
    }

    @GetMapping("/value-weights")
    Map<app.lantern.customer.CustomerValue.Dimension, Double> weights() {
        return value.weights();
    }

    @org.springframework.web.bind.annotation.PutMapping("/value-weights")
    Map<app.lantern.customer.CustomerValue.Dimension, Double> setWeights(
            @RequestBody Map<app.lantern.customer.CustomerValue.Dimension, Double> body) {
        value.setWeights(body);
        return value.weights();
    }

    @PostMapping("/value-scores/recompute")
    app.lantern.customer.CustomerValue.RunResult recompute() {
        if (!currentActor.require().has(app.lantern.identity.Role.ADMIN)) {
            throw new app.lantern.shared.ForbiddenException("only administrators recompute value tiers");
        }
        return value.recompute();
    }

    @GetMapping("/{id}/value")
    app.lantern.customer.CustomerValue.ValueScore valueOf(@PathVariable long id) {
        customers.get(id);
        return value.latest(id).orElseThrow(() -> app.lantern.shared.NotFoundException.of("value score", id));
    }
}
