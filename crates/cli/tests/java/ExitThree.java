import java.util.ArrayList;
import java.util.List;

public class ExitThree {
    static int cleanups;

    static class Task {
        final String name;
        final int cost;

        Task(String name, int cost) {
            this.name = name;
            this.cost = cost;
        }
    }

    static int run(List<Task> tasks, int budget) {
        int spent = 0;
        for (Task t : tasks) {
            try {
                if (spent + t.cost > budget) {
                    System.out.println("over budget at " + t.name + " (spent " + spent + ")");
                    System.err.println("error: budget " + budget + " exceeded");
                    terminate(spent);
                }
                spent += t.cost;
                System.out.println("ran " + t.name + " total " + spent);
            } finally {
                cleanups++;
                System.out.println("cleanup " + cleanups);
            }
        }
        return spent;
    }

    static void terminate(int spent) {
        System.out.println("exiting with status 3, spent " + spent);
        System.out.print("partial line without newline");
        System.exit(3);
        System.out.println("unreachable after exit");
    }

    public static void main(String[] args) {
        List<Task> tasks = new ArrayList<>();
        String[] names = {"fetch", "parse", "index", "render", "upload"};
        for (int i = 0; i < names.length; i++) tasks.add(new Task(names[i], (i + 1) * 7));
        System.out.println("first pass " + run(tasks.subList(0, 2), 100));
        Thread helper = new Thread(() -> System.out.println("helper thread says hi"));
        helper.start();
        try {
            helper.join();
        } catch (InterruptedException e) {
            System.out.println("interrupted");
        }
        try {
            System.out.println("second pass");
            run(tasks, 40);
        } catch (RuntimeException e) {
            System.out.println("not reached " + e);
        } finally {
            System.out.println("outer finally must not run");
        }
        System.out.println("end of main not reached");
    }
}
