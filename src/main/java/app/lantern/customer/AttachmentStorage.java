package app.lantern.customer;

import java.io.IOException;
import java.io.InputStream;

/** Where attachment and import files live: local disk now, an S3-compatible store later. Keys are opaque. */
interface AttachmentStorage {

    /** Stores the stream under a new key and returns it. */
    String store(String prefix, InputStream content) throws IOException;

    InputStream open(String key) throws IOException;

    void delete(String key) throws IOException;
}
