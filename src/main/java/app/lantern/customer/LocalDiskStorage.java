package app.lantern.customer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Files under {@code ${lantern.data-dir}/files}, named by random keys (never by user input). */
@Component
class LocalDiskStorage implements AttachmentStorage {

    private final Path root;

    LocalDiskStorage(@Value("${lantern.data-dir}") String dataDir) {
        this.root = Path.of(dataDir, "files").toAbsolutePath().normalize();
    }

    @Override
    public String store(String prefix, InputStream content) throws IOException {
        String key = prefix.replaceAll("[^a-z0-9-]", "") + "/" + UUID.randomUUID();
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
        return key;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    private Path resolve(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("bad storage key");
        }
        return p;
    }
}
