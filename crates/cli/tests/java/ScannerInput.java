import java.util.InputMismatchException;
import java.util.NoSuchElementException;
import java.util.Scanner;

/** Reads numbers, words and lines from standard input the way exercises and contest programs do. */
public class ScannerInput {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        int n = in.nextInt();
        long sum = 0;
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.nextInt();
            sum += values[i];
        }
        System.out.println("n=" + n + " sum=" + sum);
        String rest = in.nextLine();
        System.out.println("rest of line: [" + rest + "]");
        String title = in.nextLine();
        System.out.println("title: [" + title + "]");
        double total = 0;
        while (in.hasNextDouble()) {
            total += in.nextDouble();
        }
        System.out.println("total=" + total);
        System.out.println("word: " + in.next());
        System.out.println("hasNextInt: " + in.hasNextInt() + " hasNext: " + in.hasNext());
        try {
            in.nextInt();
        } catch (InputMismatchException e) {
            System.out.println("mismatch, still there: " + in.next());
        }
        try {
            in.nextInt();
        } catch (InputMismatchException e) {
            System.out.println("too big: " + e.getMessage() + " then " + in.nextLong());
        }
        System.out.println("booleans: " + in.nextBoolean() + " " + in.nextBoolean());
        short s = in.nextShort();
        byte b = in.nextByte();
        System.out.println("short " + s + " byte " + b + " boxed " + Short.valueOf(s) + Byte.valueOf(b));
        in.nextLine();
        int lines = 0;
        while (in.hasNextLine()) {
            String line = in.nextLine();
            lines++;
            System.out.println(lines + ": " + line.trim() + " (" + line.length() + ")");
        }
        try {
            in.nextLine();
        } catch (NoSuchElementException e) {
            System.out.println("end: " + e.getMessage());
        }
        try {
            in.next();
        } catch (NoSuchElementException e) {
            System.out.println("no token: " + e.getMessage());
        }
        Scanner words = new Scanner("  alpha beta\tgamma\n 42 ");
        int count = 0;
        while (words.hasNext()) {
            String w = words.next();
            count++;
            System.out.println("token " + count + " " + w);
        }
        words.close();
        try {
            words.hasNext();
        } catch (IllegalStateException e) {
            System.out.println("closed: " + e.getMessage());
        }
        System.out.println(Short.parseShort("-300") + Byte.parseByte("12") + " " + Short.MAX_VALUE + " " + Byte.MIN_VALUE);
        try {
            Byte.parseByte("200");
        } catch (NumberFormatException e) {
            System.out.println(e.getMessage());
        }
    }
}
