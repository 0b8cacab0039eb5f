/** Strings: building text with StringBuilder, then searching and splitting it. */
public class Strings {
    public static void main(String[] args) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            text.append("word").append(i % 1000).append(i % 7 == 0 ? '\n' : ' ');
        }
        String s = text.toString();
        int lines = 0, words = 0, longest = 0;
        for (String line : s.split("\n")) {
            lines++;
            for (String w : line.split(" ")) {
                words++;
                longest = Math.max(longest, w.length());
            }
        }
        int found = 0;
        for (int from = s.indexOf("word99"); from >= 0; from = s.indexOf("word99", from + 1)) {
            found++;
        }
        String upper = s.substring(0, 50).toUpperCase();
        System.out.println(s.length() + " " + lines + " " + words + " " + longest + " " + found + " " + upper.trim());
    }
}
