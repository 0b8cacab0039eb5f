public class EnumsMore {
    interface Priced {
        int price();
    }

    enum Coin implements Priced {
        PENNY(1), NICKEL(5), DIME(10), QUARTER(25);

        private final int cents;
        static int totalCreated;

        Coin(int cents) {
            this.cents = cents;
        }

        public int price() {
            return cents;
        }

        static Coin largestBelow(int amount) {
            Coin best = null;
            for (Coin c : values()) if (c.cents <= amount) best = c;
            return best;
        }
    }

    enum Shape {
        SQUARE {
            double area(double s) {
                return s * s;
            }
        },
        CIRCLE {
            double area(double s) {
                return 3 * s * s;
            }

            public String toString() {
                return "round";
            }
        },
        TRIANGLE {
            double area(double s) {
                return s * s / 2;
            }
        };

        abstract double area(double s);
    }

    enum Level {
        LOW, MEDIUM, HIGH;

        Level next() {
            return values()[(ordinal() + 1) % values().length];
        }
    }

    static String classic(Level l) {
        String r = "";
        switch (l) {
            case LOW:
                r += "low,";
            case MEDIUM:
                r += "medium,";
                break;
            case HIGH:
                r += "high";
        }
        return r;
    }

    static int arrow(Level l) {
        return switch (l) {
            case LOW -> 1;
            case MEDIUM -> {
                int x = 10;
                yield x * 2;
            }
            case HIGH -> 300;
        };
    }

    public static void main(String[] args) {
        for (Coin c : Coin.values()) {
            System.out.println(c + " " + c.name() + " " + c.ordinal() + " " + c.price() + " " + c.compareTo(Coin.DIME));
        }
        int amount = 68;
        StringBuilder change = new StringBuilder();
        while (amount > 0) {
            Coin c = Coin.largestBelow(amount);
            change.append(c).append(' ');
            amount -= c.price();
        }
        System.out.println(change.toString().trim());
        Priced p = Coin.QUARTER;
        System.out.println(p.price() + " " + (p instanceof Coin) + " " + (p instanceof Enum));
        for (Shape s : Shape.values()) {
            System.out.println(s + " " + s.name() + " " + s.area(2) + " " + s.ordinal());
        }
        System.out.println(Shape.valueOf("CIRCLE") + " " + (Shape.valueOf("CIRCLE") == Shape.CIRCLE));
        System.out.println(Shape.CIRCLE.getDeclaringClass().getName() + " " + Shape.SQUARE.getDeclaringClass().getSimpleName());
        int[] counts = new int[Level.values().length];
        Level l = Level.LOW;
        for (int i = 0; i < 7; i++) {
            counts[l.ordinal()]++;
            System.out.print(l + "->" + l.next() + " " + classic(l) + " " + arrow(l) + "; ");
            l = l.next();
        }
        System.out.println();
        System.out.println(counts[0] + " " + counts[1] + " " + counts[2]);
        try {
            Level.valueOf("low");
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        try {
            Level.valueOf(null);
        } catch (NullPointerException e) {
            System.out.println("NPE on null name");
        }
        Level[] copy = Level.values();
        copy[0] = Level.HIGH;
        System.out.println(Level.values()[0] + " " + copy[0] + " " + (Level.values() != Level.values()));
        System.out.println(Level.HIGH.equals(Level.HIGH) + " " + Level.LOW.equals(Level.HIGH) + " " + Enum.valueOf(Level.class, "MEDIUM"));
        Object o = Level.MEDIUM;
        if (o instanceof Level lv && lv.ordinal() == 1) System.out.println("pattern " + lv);
        System.out.println(Level.HIGH.getClass().getName() + " " + Coin.DIME.getClass().getName());
        String s = "";
        for (Level x : Level.values()) {
            s += switch (x) {
                case LOW, MEDIUM -> "m";
                default -> "H";
            };
        }
        System.out.println(s);
    }
}
