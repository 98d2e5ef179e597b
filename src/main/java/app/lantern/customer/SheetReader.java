package app.lantern.customer;

import app.lantern.shared.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** Reads the rows of an uploaded xlsx or csv file as text cells; the first row is the header. */
final class SheetReader {

    static final Charset GB18030 = Charset.forName("GB18030");

    private SheetReader() {}

    /** "xlsx" or "csv" from the content (a zip is xlsx) and the name; anything else is refused. */
    static String format(String fileName, byte[] content) {
        boolean zip =
                content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (zip && (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || !lower.endsWith(".csv"))) {
            return "xlsx";
        }
        if (lower.endsWith(".xls")) {
            throw ValidationException.field("file", "old .xls files are not supported; save the file as .xlsx or .csv");
        }
        if (!zip && (lower.endsWith(".csv") || lower.endsWith(".txt"))) {
            return "csv";
        }
        throw ValidationException.field("file", "is not a spreadsheet; upload an .xlsx or .csv file");
    }

    /**
     * The uploaded file's name as stored and shown: without path, control characters (NUL included) or characters
     * outside Unicode's assigned set, at most 255 characters; a name that is nothing else becomes {@code upload.<format>}.
     */
    static String cleanFileName(String fileName, String format) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cn}\\p{Cs}]", "_").strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '_' || c == '.')) {
            return "upload." + format;
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    /** UTF-8 (with or without BOM) if the bytes decode as UTF-8, otherwise GB18030 (a superset of GBK, as Excel writes). */
    static Charset detect(byte[] content) {
        if (content.length >= 3
                && (content[0] & 0xFF) == 0xEF
                && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GB18030;
        }
    }

    static Charset charset(String encoding, byte[] content) {
        if (encoding == null || encoding.isBlank() || "auto".equalsIgnoreCase(encoding)) {
            return detect(content);
        }
        return switch (encoding.toUpperCase(Locale.ROOT)) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "GBK", "GB2312", "GB18030" -> GB18030;
            default -> throw ValidationException.field("encoding", "must be auto, UTF-8 or GBK");
        };
    }

    /** Calls {@code row} for every row (header first) until it returns false. */
    static void read(String format, byte[] content, Charset charset, Predicate<List<String>> row) {
        try {
            if ("xlsx".equals(format)) {
                readXlsx(content, row);
            } else {
                readCsv(content, charset, row);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw ValidationException.field(
                    "file", "could not be read as " + format + ": the file is damaged or not a spreadsheet");
        }
    }

    private static void readXlsx(byte[] content, Predicate<List<String>> consumer) throws IOException {
        boolean styled = XlsxLimits.check(content).hasStyles();
        // cell formats read so that date and date-time cells come as dates, not as Excel's serial numbers; a workbook
        // without a styles part has no formats to read
        try (ReadableWorkbook wb =
                new ReadableWorkbook(new ByteArrayInputStream(content), new ReadingOptions(styled, false))) {
            Sheet sheet = wb.getFirstSheet();
            try (var rows = sheet.openStream()) {
                var it = rows.iterator();
                int expected = 1;
                while (it.hasNext()) {
                    Row r = it.next();
                    while (expected < r.getRowNum()) {
                        if (!consumer.test(List.of())) {
                            return;
                        }
                        expected++;
                    }
                    expected = r.getRowNum() + 1;
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < r.getCellCount(); i++) {
                        cells.add(text(r.getCell(i)));
                    }
                    if (!consumer.test(cells)) {
                        return;
                    }
                }
            }
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        String raw = cell.getRawValue();
        if (raw != null && raw.length() > XlsxLimits.MAX_CELL_CHARS) {
            throw XlsxLimits.cellTooLong();
        }
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal n = cell.asNumber();
            String fmt = cell.getDataFormatString();
            if (fmt != null && (fmt.contains("y") || fmt.contains("d")) && !fmt.contains("0.")) {
                // a date-time cell keeps its time of day (to the second): history imports keep times as given
                long day = n.setScale(0, java.math.RoundingMode.FLOOR).longValue();
                long seconds = n.subtract(BigDecimal.valueOf(day))
                        .multiply(BigDecimal.valueOf(86_400))
                        .setScale(0, java.math.RoundingMode.HALF_UP)
                        .longValue();
                LocalDate date = LocalDate.of(1899, 12, 30).plusDays(day);
                return seconds == 0
                        ? date.toString()
                        : date.atStartOfDay().plusSeconds(seconds).toString();
            }
            return n.stripTrailingZeros().toPlainString();
        }
        return cell.getText();
    }

    private static void readCsv(byte[] content, Charset charset, Predicate<List<String>> consumer) throws IOException {
        if (charset.equals(StandardCharsets.UTF_8)) {
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content));
            } catch (CharacterCodingException e) {
                throw ValidationException.field(
                        "encoding", "the file is not UTF-8; choose GBK (Excel in China saves csv as GBK)");
            }
        }
        Reader in = new InputStreamReader(
                new ByteArrayInputStream(content),
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean first = true;
        int c;
        int prev = -1;
        while ((c = in.read()) != -1) {
            if (first && c == '\uFEFF') {
                first = false;
                continue;
            }
            first = false;
            if (quoted) {
                if (c == '"') {
                    int next = in.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) {
                            break;
                        }
                        c = next;
                        // fall through to unquoted handling of next
                        if (handle(c, row, cell, consumer)) {
                            return;
                        }
                        prev = c;
                        continue;
                    }
                } else {
                    cell.append((char) c);
                    if (cell.length() > XlsxLimits.MAX_CELL_CHARS) {
                        throw XlsxLimits.cellTooLong();
                    }
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else {
                if (c == '\n' && prev == '\r') {
                    prev = c;
                    continue;
                }
                if (handle(c, row, cell, consumer)) {
                    return;
                }
            }
            prev = c;
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            consumer.test(List.copyOf(row));
        }
    }

    /** Handles one unquoted character; true when the consumer asked to stop. */
    private static boolean handle(int c, List<String> row, StringBuilder cell, Predicate<List<String>> consumer) {
        if (c == ',') {
            row.add(cell.toString());
            cell.setLength(0);
        } else if (c == '\n' || c == '\r') {
            row.add(cell.toString());
            cell.setLength(0);
            boolean go = consumer.test(List.copyOf(row));
            row.clear();
            return !go;
        } else {
            cell.append((char) c);
            if (cell.length() > XlsxLimits.MAX_CELL_CHARS) {
                throw XlsxLimits.cellTooLong();
            }
        }
        return false;
    }
}
