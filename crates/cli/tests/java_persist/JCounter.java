import phantom.Phantom;

/** Counts; every value is committed before it is printed, so no printed value is ever lost. */
public class JCounter {
    public static void main(String[] args) throws Exception {
        long i = 0;
        StringBuilder trail = new StringBuilder();
        while (true) {
            i++;
            trail.append(i % 10);
            Phantom.commit();
            System.out.println(i + " " + trail.length());
            Thread.sleep(2);
        }
    }
}
