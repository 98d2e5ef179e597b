package app.lantern.conversation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A multinomial naive Bayes classifier of clauses into objection categories (or none), over HanLP words and character
 * bigrams, trained at start-up from the labelled examples in {@code conversation/objection-examples.tsv}.
 */
final class NaiveBayes {

    private static final String NONE = "NONE";

    private final Map<String, Map<String, Integer>> counts = new HashMap<>();
    private final Map<String, Integer> totals = new HashMap<>();
    private final Map<String, Integer> docs = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();
    private int documents;

    static NaiveBayes fromResource(String path) {
        NaiveBayes nb = new NaiveBayes();
        try (InputStream in = NaiveBayes.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (!line.startsWith("#") && tab > 0) {
                    nb.learn(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return nb;
    }

    void learn(String label, String text) {
        documents++;
        docs.merge(label, 1, Integer::sum);
        Map<String, Integer> c = counts.computeIfAbsent(label, k -> new HashMap<>());
        for (String f : features(text)) {
            c.merge(f, 1, Integer::sum);
            totals.merge(label, 1, Integer::sum);
            vocabulary.add(f);
        }
    }

    /** The category whose posterior is at least {@code threshold}, if it is an objection category. */
    Optional<ObjectionCategory> classify(String text, double threshold) {
        Map<String, Double> logp = new HashMap<>();
        List<String> features = features(text);
        double max = Double.NEGATIVE_INFINITY;
        for (String label : docs.keySet()) {
            double lp = Math.log(docs.get(label) / (double) documents);
            Map<String, Integer> c = counts.getOrDefault(label, Map.of());
            int total = totals.getOrDefault(label, 0);
            for (String f : features) {
                if (vocabulary.contains(f)) {
                    lp += Math.log((c.getOrDefault(f, 0) + 1.0) / (total + vocabulary.size()));
                }
            }
            logp.put(label, lp);
            max = Math.max(max, lp);
        }
        double sum = 0;
        for (double v : logp.values()) {
            sum += Math.exp(v - max);
        }
        String best = null;
        double bestP = 0;
        for (var e : logp.entrySet()) {
            double p = Math.exp(e.getValue() - max) / sum;
            if (p > bestP) {
                bestP = p;
                best = e.getKey();
            }
        }
        if (best == null || best.equals(NONE) || bestP < threshold) {
            return Optional.empty();
        }
        return Optional.of(ObjectionCategory.valueOf(best));
    }

    private static List<String> features(String text) {
        List<String> f = new java.util.ArrayList<>(Tokens.words(text));
        String t = text.replaceAll("\\s", "");
        for (int i = 0; i + 1 < t.length(); i++) {
            f.add(t.substring(i, i + 2));
        }
        return f;
    }
}
