import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles each source given into OUT/<its name without .java>, in one JVM: java Compile.java OUT A.java B.java ... */
public class Compile {
    public static void main(String[] args) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int failed = 0;
        for (int i = 1; i < args.length; i++) {
            String source = args[i];
            String name = new java.io.File(source).getName().replace(".java", "");
            int status = javac.run(null, null, null, "-d", args[0] + "/" + name, source);
            if (status != 0) {
                System.err.println("javac failed on " + source);
                failed++;
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
