package app.lantern.customer.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The SZSE main-board listing (short name ↔ full name), copied from /work/shared/data/companies. */
public final class DevelopmentSet {

    public record Company(
            String code,
            String shortRaw,
            String shortName,
            String fullName,
            String province,
            String city,
            String industry) {}

    private DevelopmentSet() {}

    public static List<Company> companies() {
        var in = DevelopmentSet.class.getResourceAsStream("/companies/szse-main-board.csv");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Company> result = new ArrayList<>();
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                List<String> f = split(line);
                result.add(new Company(f.get(0), f.get(1), f.get(2), f.get(3), f.get(6), f.get(7), f.get(8)));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
