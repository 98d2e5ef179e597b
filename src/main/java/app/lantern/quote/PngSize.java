package app.lantern.quote;

import java.util.Optional;

/**
 * The size a PNG declares in its IHDR chunk, read from the first 24 bytes without decoding: a 100 KB file may declare
 * 5000×5000 pixels, and decoding it would allocate a 100 MB raster before any size check could refuse it.
 */
record PngSize(int width, int height) {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** The declared size, or empty if the bytes do not start like a PNG (signature, then the IHDR chunk). */
    static Optional<PngSize> of(byte[] png) {
        if (png == null || png.length < 24) {
            return Optional.empty();
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (png[i] != SIGNATURE[i]) {
                return Optional.empty();
            }
        }
        if (int32(png, 8) != 13 || png[12] != 'I' || png[13] != 'H' || png[14] != 'D' || png[15] != 'R') {
            return Optional.empty();
        }
        int width = int32(png, 16);
        int height = int32(png, 20);
        if (width <= 0 || height <= 0) {
            return Optional.empty();
        }
        return Optional.of(new PngSize(width, height));
    }

    boolean within(int min, int max) {
        return width >= min && height >= min && width <= max && height <= max;
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
