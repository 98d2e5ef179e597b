package app.lantern.customer;

import app.lantern.shared.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Refuses an xlsx before it is parsed when it would cost more than any real spreadsheet (a "zip bomb"): every part is
 * inflated once as a stream, counting, against caps on the number of parts, the bytes each part and the whole file
 * inflate to, the compression ratio of each part, the size of the shared-string table and the length of one cell's
 * text. The parts are read from the central directory, as the workbook reader reads them.
 */
final class XlsxLimits {

    static final int MAX_ENTRIES = 1_000;
    static final long MAX_TOTAL = 300L * 1024 * 1024;
    static final long MAX_SHARED_STRINGS = 128L * 1024 * 1024;
    /** Inflated bytes per compressed byte of one part, checked once a part passed {@link #RATIO_GRACE}. */
    static final int MAX_RATIO = 100;

    static final long RATIO_GRACE = 1024 * 1024;
    /** Excel's own limit on the characters of a cell. */
    static final int MAX_CELL_CHARS = 32_767;
    /** Bytes of text between two tags: a cell's characters take at most 4 bytes, an entity such as {@code &amp;} 5. */
    static final int MAX_TEXT_RUN = MAX_CELL_CHARS * 5;

    private XlsxLimits() {}

    /** What the check learnt of a workbook that passed it. */
    record Checked(boolean hasStyles) {}

    /**
     * Refuses a workbook over any of the limits, reading every part to its end; tells whether it has a styles part
     * (optional in the format: workbooks written by scripts and some exports have none).
     */
    static Checked check(byte[] content) throws IOException {
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(content))
                .get()) {
            int entries = 0;
            long total = 0;
            boolean styles = false;
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (++entries > MAX_ENTRIES) {
                    throw refused("has more than " + MAX_ENTRIES + " parts; it is not a plain spreadsheet");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                styles |= entry.getName().equalsIgnoreCase("xl/styles.xml");
                total += inflate(zip, entry, content.length, MAX_TOTAL - total);
            }
            return new Checked(styles);
        }
    }

    /**
     * Reads one part to its end, counting; the bytes it inflated to. Its compressed size is taken from the directory
     * but never above the file's, so a part claiming more cannot dodge the ratio.
     */
    private static long inflate(ZipFile zip, ZipArchiveEntry entry, long fileSize, long budget) throws IOException {
        boolean sharedStrings = entry.getName().toLowerCase(Locale.ROOT).endsWith("sharedstrings.xml");
        long compressed = Math.clamp(entry.getCompressedSize(), 1, Math.max(1, fileSize));
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        int run = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                if (size > budget) {
                    throw refused("inflates to more than " + MAX_TOTAL / (1024 * 1024)
                            + " MB; it looks like a compressed bomb, not a spreadsheet");
                }
                if (sharedStrings && size > MAX_SHARED_STRINGS) {
                    throw refused(
                            "has a shared-string table larger than " + MAX_SHARED_STRINGS / (1024 * 1024) + " MB");
                }
                if (size > RATIO_GRACE && size / compressed > MAX_RATIO) {
                    throw refused("is compressed more than " + MAX_RATIO
                            + " to 1; it looks like a compressed bomb, not a spreadsheet");
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '<') {
                        run = 0;
                    } else if (++run > MAX_TEXT_RUN) {
                        throw cellTooLong();
                    }
                }
            }
        }
        return size;
    }

    static ValidationException cellTooLong() {
        return refused("has a cell longer than " + MAX_CELL_CHARS + " characters (Excel's own limit)");
    }

    static ValidationException refused(String why) {
        return ValidationException.field("file", why);
    }
}
