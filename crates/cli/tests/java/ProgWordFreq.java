import java.util.*;

public class ProgWordFreq {
    static final String TEXT =
        "It was the best of times, it was the worst of times, it was the age of wisdom, "
        + "it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity, "
        + "it was the season of Light, it was the season of Darkness, it was the spring of hope, "
        + "it was the winter of despair, we had everything before us, we had nothing before us, "
        + "we were all going direct to Heaven, we were all going direct the other way - in short, "
        + "the period was so far like the present period, that some of its noisiest authorities "
        + "insisted on its being received, for good or for evil, in the superlative degree of comparison only.\n"
        + "There were a king with a large jaw and a queen with a plain face, on the throne of England; "
        + "there were a king with a large jaw and a queen with a fair face, on the throne of France.";

    static List<String> tokenize(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c) || c == '\'') {
                cur.append(Character.toLowerCase(c));
            } else if (cur.length() > 0) {
                words.add(cur.toString());
                cur.setLength(0);
            }
        }
        if (cur.length() > 0) words.add(cur.toString());
        return words;
    }

    public static void main(String[] args) {
        List<String> words = tokenize(TEXT);
        System.out.println("total words: " + words.size());
        Map<String, Integer> freq = new HashMap<>();
        for (String w : words) {
            Integer n = freq.get(w);
            freq.put(w, n == null ? 1 : n + 1);
        }
        System.out.println("distinct words: " + freq.size());
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(freq.entrySet());
        Collections.sort(entries, new Comparator<Map.Entry<String, Integer>>() {
            public int compare(Map.Entry<String, Integer> a, Map.Entry<String, Integer> b) {
                int c = b.getValue().compareTo(a.getValue());
                return c != 0 ? c : a.getKey().compareTo(b.getKey());
            }
        });
        System.out.println("top 15:");
        for (int i = 0; i < 15 && i < entries.size(); i++) {
            Map.Entry<String, Integer> e = entries.get(i);
            System.out.println(String.format("%3d. %-10s %3d %s", i + 1, e.getKey(), e.getValue(), "#".repeat(e.getValue())));
        }
        TreeMap<String, Integer> alpha = new TreeMap<>(freq);
        System.out.println("first alphabetical: " + alpha.firstKey() + " last: " + alpha.lastKey());
        StringBuilder singles = new StringBuilder();
        for (Map.Entry<String, Integer> e : alpha.entrySet()) {
            if (e.getValue() == 1 && e.getKey().length() > 7) singles.append(e.getKey()).append(' ');
        }
        System.out.println("long hapax: " + singles.toString().trim());
        Map<Integer, List<String>> byLength = new TreeMap<>();
        for (String w : alpha.keySet()) {
            byLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
        }
        for (Map.Entry<Integer, List<String>> e : byLength.entrySet()) {
            System.out.println("len " + e.getKey() + ": " + e.getValue().size() + " " + (e.getValue().size() <= 4 ? e.getValue() : e.getValue().subList(0, 4) + "..."));
        }
        Map<Character, Integer> initials = new TreeMap<>();
        for (String w : words) initials.merge(w.charAt(0), 1, Integer::sum);
        System.out.println("initials: " + initials);
        Map<String, Integer> bigrams = new HashMap<>();
        for (int i = 0; i + 1 < words.size(); i++) bigrams.merge(words.get(i) + " " + words.get(i + 1), 1, Integer::sum);
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : bigrams.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        System.out.println("most common bigram: \"" + best + "\" x" + bestCount);
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < TEXT.length(); i++) {
            char c = TEXT.charAt(i);
            if (c == '.' || c == ';') {
                sentences.add(TEXT.substring(start, i));
                start = i + 1;
            }
        }
        if (start < TEXT.length()) sentences.add(TEXT.substring(start));
        System.out.println("sentences: " + sentences.size());
        for (String s : sentences) {
            String t = s.trim();
            if (t.isEmpty()) continue;
            System.out.println("  " + tokenize(t).size() + " words, starts '" + t.substring(0, Math.min(20, t.length())) + "'");
        }
        int chars = 0, letters = 0, vowels = 0;
        for (char c : TEXT.toCharArray()) {
            chars++;
            if (Character.isLetter(c)) {
                letters++;
                if ("aeiouAEIOU".indexOf(c) >= 0) vowels++;
            }
        }
        System.out.println("chars " + chars + " letters " + letters + " vowels " + vowels + String.format(" ratio %.4f", (double) vowels / letters));
        System.out.println("hash map view: " + freq.get("was") + " " + freq.get("of") + " " + freq.containsKey("dickens"));
    }
}
