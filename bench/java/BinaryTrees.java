/** Objects: allocating and walking many short-lived binary trees (after the benchmarks game). */
public class BinaryTrees {
    static final class Node {
        final Node left, right;

        Node(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        int check() {
            return left == null ? 1 : 1 + left.check() + right.check();
        }
    }

    static Node build(int depth) {
        return depth == 0 ? new Node(null, null) : new Node(build(depth - 1), build(depth - 1));
    }

    public static void main(String[] args) {
        int maxDepth = 16;
        Node longLived = build(maxDepth);
        long total = 0;
        for (int depth = 4; depth <= maxDepth; depth += 2) {
            int iterations = 1 << (maxDepth - depth + 4);
            int check = 0;
            for (int i = 0; i < iterations; i++) {
                check += build(depth).check();
            }
            System.out.println(iterations + " trees of depth " + depth + " check: " + check);
            total += check;
        }
        System.out.println("long lived tree check: " + longLived.check() + " total " + total);
    }
}
