public class StringSwitch {
    static String classic(String s) {
        switch (s) {
            case "Aa":
                return "Aa-branch";
            case "BB":
                return "BB-branch";
            case "AaAa":
            case "BBBB":
                return "four-collide";
            case "AaBB":
                return "AaBB-branch";
            case "":
                return "empty";
            case "hello":
                return "greeting";
            default:
                return "default(" + s + ")";
        }
    }

    static String fallthrough(String s) {
        StringBuilder b = new StringBuilder();
        switch (s) {
            case "one":
                b.append("1");
            case "two":
                b.append("2");
            case "three":
                b.append("3");
                break;
            case "four":
                b.append("4");
            default:
                b.append("d");
        }
        return b.toString();
    }

    static int arrow(String s) {
        return switch (s) {
            case "Aa", "BB" -> 1;
            case "C#", "Bb" -> 2;
            case "polygenelubricants" -> {
                int len = s.length();
                yield len * 100;
            }
            default -> {
                if (s.isEmpty()) yield -1;
                yield s.hashCode() % 1000;
            }
        };
    }

    static String statementArrow(String cmd) {
        String[] result = {"?"};
        switch (cmd) {
            case "start" -> result[0] = "starting";
            case "stop" -> {
                result[0] = "stopping";
            }
            default -> result[0] = "unknown " + cmd.length();
        }
        return result[0];
    }

    static String yieldOld(String s) {
        return switch (s) {
            case "x":
                yield "ex";
            case "y":
            case "z":
                yield "why-zed";
            default:
                String t = s + s;
                yield t;
        };
    }

    public static void main(String[] args) {
        String[] inputs = {"Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "", "hello", "Hello", "aA", "B", "polygenelubricants"};
        for (String s : inputs) {
            System.out.println("[" + s + "] hash=" + s.hashCode() + " classic=" + classic(s) + " arrow=" + arrow(s));
        }
        for (String s : new String[] {"one", "two", "three", "four", "five"}) {
            System.out.print(s + ":" + fallthrough(s) + " ");
        }
        System.out.println();
        System.out.println(statementArrow("start") + " " + statementArrow("stop") + " " + statementArrow("restart"));
        System.out.println(yieldOld("x") + " " + yieldOld("y") + " " + yieldOld("z") + " " + yieldOld("w"));
        String built = new StringBuilder("he").append("llo").toString();
        System.out.println(classic(built) + " " + (built == "hello") + " " + built.equals("hello") + " " + classic(built.intern()));
        System.out.println(arrow("C#") + " " + arrow("Bb") + " " + ("C#".hashCode() == "Bb".hashCode()));
        int total = 0;
        for (int i = 0; i < 20; i++) {
            String key = (i % 3 == 0) ? "Aa" : (i % 3 == 1) ? "BB" : "x" + i;
            total += switch (key) {
                case "Aa" -> 1;
                case "BB" -> 10;
                default -> 100;
            };
        }
        System.out.println("total " + total);
        char grade = 'B';
        switch (grade) {
            case 'A' -> System.out.println("top");
            case 'B', 'C' -> System.out.println("middle " + grade);
            default -> System.out.println("low");
        }
    }
}
