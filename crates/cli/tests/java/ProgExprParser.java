import java.util.*;

public class ProgExprParser {
    static class ParseException extends RuntimeException {
        final int pos;
        ParseException(String msg, int pos) {
            super(msg + " at position " + pos);
            this.pos = pos;
        }
    }

    static class Parser {
        private final String src;
        private int pos;
        private final Map<String, Double> vars;
        Parser(String src, Map<String, Double> vars) {
            this.src = src;
            this.vars = vars;
        }
        double parse() {
            double v = expr();
            skip();
            if (pos < src.length()) throw new ParseException("unexpected '" + src.charAt(pos) + "'", pos);
            return v;
        }
        private void skip() {
            while (pos < src.length() && src.charAt(pos) == ' ') pos++;
        }
        private boolean eat(char c) {
            skip();
            if (pos < src.length() && src.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }
        private double expr() {
            double v = term();
            while (true) {
                if (eat('+')) v += term();
                else if (eat('-')) v -= term();
                else return v;
            }
        }
        private double term() {
            double v = factor();
            while (true) {
                if (eat('*')) v *= factor();
                else if (eat('/')) {
                    double d = factor();
                    if (d == 0) throw new ArithmeticException("division by zero");
                    v /= d;
                } else if (eat('%')) v %= factor();
                else return v;
            }
        }
        private double factor() {
            double base = unary();
            if (eat('^')) return Math.pow(base, factor());
            return base;
        }
        private double unary() {
            if (eat('-')) return -unary();
            if (eat('+')) return unary();
            return primary();
        }
        private double primary() {
            skip();
            if (eat('(')) {
                double v = expr();
                if (!eat(')')) throw new ParseException("expected ')'", pos);
                return v;
            }
            int start = pos;
            if (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) pos++;
                return Double.parseDouble(src.substring(start, pos));
            }
            if (pos < src.length() && Character.isLetter(src.charAt(pos))) {
                while (pos < src.length() && Character.isLetterOrDigit(src.charAt(pos))) pos++;
                String name = src.substring(start, pos);
                if (eat('(')) {
                    List<Double> argv = new ArrayList<>();
                    if (!eat(')')) {
                        do argv.add(expr()); while (eat(','));
                        if (!eat(')')) throw new ParseException("expected ')' after arguments", pos);
                    }
                    return call(name, argv, start);
                }
                Double v = vars.get(name);
                if (v == null) throw new ParseException("unknown variable " + name, start);
                return v;
            }
            throw new ParseException(pos < src.length() ? "unexpected '" + src.charAt(pos) + "'" : "unexpected end", pos);
        }
        private double call(String name, List<Double> a, int at) {
            switch (name) {
                case "sqrt": return Math.sqrt(a.get(0));
                case "abs": return Math.abs(a.get(0));
                case "max": {
                    double m = a.get(0);
                    for (double d : a) m = Math.max(m, d);
                    return m;
                }
                case "min": return Math.min(a.get(0), a.get(1));
                case "floor": return Math.floor(a.get(0));
                default: throw new ParseException("unknown function " + name, at);
            }
        }
    }

    public static void main(String[] args) {
        Map<String, Double> vars = new HashMap<>();
        vars.put("x", 3.0);
        vars.put("y", -2.5);
        vars.put("pi", Math.PI);
        String[] inputs = {
            "1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "10 % 4 + 0.5",
            "x * x + y", "sqrt(16) + abs(y)", "max(1, x, 7, 2) - min(4, 9)", "2 * pi * x",
            "((((1))))", "1 - - 1", "floor(7.9) / 2", " 3.25*4 ", "1 / 3",
            "1 +", "(2 * 3", "foo(1)", "z + 1", "4 / (2 - 2)", "3 $ 4", "2 3",
        };
        double total = 0;
        for (String in : inputs) {
            try {
                double v = new Parser(in, vars).parse();
                total += v;
                System.out.println(String.format("%-28s = %s", "\"" + in + "\"", v));
            } catch (ParseException e) {
                System.out.println(String.format("%-28s ! %s (pos %d)", "\"" + in + "\"", e.getMessage(), e.pos));
            } catch (ArithmeticException e) {
                System.out.println(String.format("%-28s ! arithmetic: %s", "\"" + in + "\"", e.getMessage()));
            }
        }
        System.out.println("total = " + total);
        StringBuilder big = new StringBuilder("0");
        for (int i = 1; i <= 200; i++) big.append(i % 2 == 0 ? " + " : " - ").append(i).append(" * (x + ").append(i % 7).append(')');
        System.out.println("big expression length " + big.length() + " value " + new Parser(big.toString(), vars).parse());
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 300; i++) deep.append('(');
        deep.append("1");
        for (int i = 0; i < 300; i++) deep.append(" + 1)");
        System.out.println("deep nesting value " + new Parser(deep.toString(), vars).parse());
    }
}
