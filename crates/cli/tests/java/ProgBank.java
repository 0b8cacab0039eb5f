import java.util.*;

public class ProgBank {
    static class InsufficientFundsException extends Exception {
        InsufficientFundsException(String account, long needed, long available) {
            super("account " + account + " needs " + needed + " but has " + available);
        }
    }

    static class AccountFrozenException extends RuntimeException {
        AccountFrozenException(String id) { super("account " + id + " is frozen"); } }

    interface InterestPolicy { long interest(long balanceCents); }

    static abstract class Account implements Comparable<Account> {
        final String id, owner;
        protected long balance;
        boolean frozen;
        final List<String> history = new ArrayList<>();
        Account(String id, String owner, long opening) {
            this.id = id;
            this.owner = owner;
            this.balance = opening;
            history.add("open " + opening);
        }
        void deposit(long cents) {
            if (frozen) throw new AccountFrozenException(id);
            if (cents <= 0) throw new IllegalArgumentException("deposit must be positive: " + cents);
            balance += cents;
            history.add("dep " + cents);
        }
        void withdraw(long cents) throws InsufficientFundsException {
            if (frozen) throw new AccountFrozenException(id);
            if (cents > available()) throw new InsufficientFundsException(id, cents, available());
            balance -= cents;
            history.add("wd " + cents);
        }
        long available() { return balance; }
        abstract String kind();
        abstract InterestPolicy policy();
        void monthEnd() {
            long i = policy().interest(balance);
            if (i != 0) {
                balance += i;
                history.add("int " + i);
            }
        }
        public int compareTo(Account o) { return id.compareTo(o.id); }
        public String toString() { return String.format("%s[%s %s %s]", kind(), id, owner, money(balance)); }
    }

    static class Checking extends Account {
        final long overdraft;
        Checking(String id, String owner, long opening, long overdraft) {
            super(id, owner, opening);
            this.overdraft = overdraft;
        }
        @Override long available() { return balance + overdraft; }
        String kind() { return "CHK"; }
        InterestPolicy policy() { return b -> b < 0 ? -Math.max(500, -b / 50) : 0; }
    }

    static class Savings extends Account {
        Savings(String id, String owner, long opening) { super(id, owner, opening); }
        String kind() { return "SAV"; }
        InterestPolicy policy() { return b -> b * 3 / 1000; } }

    static String money(long cents) {
        String sign = cents < 0 ? "-" : "";
        long a = Math.abs(cents);
        return sign + "$" + (a / 100) + "." + (a % 100 < 10 ? "0" : "") + (a % 100);
    }

    static class Bank {
        final Map<String, Account> accounts = new TreeMap<>();
        int failures;
        void open(Account a) { accounts.put(a.id, a); }
        void transfer(String from, String to, long cents) {
            Account a = accounts.get(from), b = accounts.get(to);
            try {
                if (a == null || b == null) throw new NoSuchElementException("no account " + (a == null ? from : to));
                a.withdraw(cents);
                b.deposit(cents);
                System.out.println("transfer " + money(cents) + " " + from + " -> " + to + " ok");
            } catch (InsufficientFundsException e) {
                failures++;
                System.out.println("transfer failed: " + e.getMessage());
            } catch (RuntimeException e) {
                failures++;
                System.out.println("transfer failed (" + e.getClass().getSimpleName() + "): " + e.getMessage());
            }
        }
        long total() { long t = 0; for (Account a : accounts.values()) t += a.balance; return t; }
    }

    public static void main(String[] args) {
        Bank bank = new Bank();
        bank.open(new Checking("C-100", "alice", 150000, 50000));
        bank.open(new Savings("S-200", "alice", 1000000));
        bank.open(new Checking("C-300", "bob", 2500, 10000));
        bank.open(new Savings("S-400", "carol", 0));
        System.out.println(bank.accounts.values() + " total " + money(bank.total()));
        bank.transfer("C-100", "S-400", 20000);
        bank.transfer("C-300", "C-100", 12000);
        bank.transfer("C-300", "C-100", 1000);
        bank.transfer("S-200", "X-999", 100);
        bank.accounts.get("S-400").frozen = true;
        bank.transfer("C-100", "S-400", 100);
        bank.accounts.get("S-400").frozen = false;
        bank.transfer("S-200", "C-300", -5);
        Random rnd = new Random(31337);
        String[] ids = bank.accounts.keySet().toArray(new String[0]);
        for (int month = 1; month <= 12; month++) {
            for (int t = 0; t < 6; t++) {
                String from = ids[rnd.nextInt(ids.length)], to = ids[rnd.nextInt(ids.length)];
                if (from.equals(to)) continue;
                long amt = (rnd.nextInt(5000) + 1) * 10L;
                try {
                    bank.accounts.get(from).withdraw(amt);
                    bank.accounts.get(to).deposit(amt);
                } catch (InsufficientFundsException e) {
                    bank.failures++;
                }
            }
            for (Account a : bank.accounts.values()) a.monthEnd();
            if (month % 3 == 0) System.out.println("month " + month + ": " + bank.accounts.values() + " total " + money(bank.total()));
        }
        StringBuilder report = new StringBuilder();
        report.append("==== ANNUAL REPORT ====\n");
        for (Account a : bank.accounts.values()) {
            report.append(String.format("%-6s %-6s %-5s %14s  (%d entries)%n", a.id, a.owner, a.kind(), money(a.balance), a.history.size()));
            for (int k = 0; k < a.history.size(); k++) report.append(k < 5 ? "        " + a.history.get(k) + "\n" : k == 5 ? "        ...\n" : "");
        }
        Map<String, Long> byOwner = new TreeMap<>();
        for (Account a : bank.accounts.values()) byOwner.merge(a.owner, a.balance, Long::sum);
        for (Map.Entry<String, Long> e : byOwner.entrySet()) report.append("owner ").append(e.getKey()).append(": ").append(money(e.getValue())).append('\n');
        report.append("failed operations: ").append(bank.failures).append('\n');
        report.append("grand total: ").append(money(bank.total())).append('\n');
        for (int i = 0; i < 200; i++) report.append(String.format("%04d|%08.2f|%s%n", i, i * 1.25, Integer.toHexString((int) (i * 2654435761L))));
        String text = report.toString();
        int nl = 0;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') nl++;
        System.out.print(text.substring(0, text.indexOf("0000|")));
        System.out.println("report chars " + text.length() + " lines " + nl + " hash " + text.hashCode());
        System.out.println(text.substring(text.length() - 60));
        List<Account> sorted = new ArrayList<>(bank.accounts.values());
        sorted.sort(Comparator.comparingLong((Account a) -> a.balance).reversed());
        System.out.println("richest first: " + sorted + " max by id: " + Collections.max(sorted));
    }
}
