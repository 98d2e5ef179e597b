package app.lantern.quote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs poppler's pdftotext / pdfsig when installed (CI with LANTERN_REQUIRE_BROWSER=true must have them). */
final class PdfTools {

    private PdfTools() {}

    static boolean available(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("LANTERN_REQUIRE_BROWSER"))) {
            throw new IllegalStateException(tool + " (poppler-utils) is required but not installed");
        }
        return false;
    }

    static String run(String tool, byte[] pdf, String... args) throws IOException, InterruptedException {
        Path file = Files.createTempFile("lantern-quote", ".pdf");
        try {
            Files.write(file, pdf);
            String[] cmd = new String[args.length + 2];
            cmd[0] = tool;
            System.arraycopy(args, 0, cmd, 1, args.length);
            cmd[cmd.length - 1] = file.toString();
            if (tool.equals("pdftotext")) {
                cmd = new String[] {tool, "-enc", "UTF-8", file.toString(), "-"};
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(60, TimeUnit.SECONDS);
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
