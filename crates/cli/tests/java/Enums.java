public class Enums {
    enum Color { RED, GREEN, BLUE }

    enum Planet {
        MERCURY(3.303e+23, 2.4397e6), EARTH(5.976e+24, 6.37814e6);

        private final double mass, radius;

        Planet(double mass, double radius) {
            this.mass = mass;
            this.radius = radius;
        }

        double gravity() {
            return 6.67300E-11 * mass / (radius * radius);
        }
    }

    enum Op {
        PLUS("+") { int apply(int a, int b) { return a + b; } },
        TIMES("*") { int apply(int a, int b) { return a * b; } };

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        abstract int apply(int a, int b);
    }

    static String describe(Color c) {
        switch (c) {
            case RED: return "warm";
            case BLUE: return "cold";
            default: return "neutral";
        }
    }

    public static void main(String[] args) {
        for (Color c : Color.values()) {
            System.out.println(c + " " + c.ordinal() + " " + c.name() + " " + describe(c));
        }
        System.out.println(Color.valueOf("GREEN") == Color.GREEN);
        System.out.println(Color.RED.compareTo(Color.BLUE) + " " + Color.values().length);
        for (Planet p : Planet.values()) {
            System.out.printf("%s %.2f%n", p, p.gravity());
        }
        for (Op op : Op.values()) {
            System.out.println(op + " " + op.symbol + " " + op.apply(6, 7));
        }
        try {
            Color.valueOf("PURPLE");
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        Color c = Color.BLUE;
        String r = switch (c) {
            case RED -> "r";
            case GREEN -> "g";
            case BLUE -> "b";
        };
        System.out.println(r);
    }
}
