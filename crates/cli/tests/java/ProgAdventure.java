import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.*;

public class ProgAdventure {
    enum State { EXPLORING, FIGHTING, DEAD, WON }

    static class Room {
        final String name, description;
        final Map<String, String> exits = new TreeMap<>();
        final List<String> items = new ArrayList<>();
        String monster;

        Room(String name, String description) {
            this.name = name;
            this.description = description;
        }
    }

    static final Map<String, Room> rooms = new HashMap<>();
    static Room here;
    static State state = State.EXPLORING;
    static final List<String> inventory = new ArrayList<>();
    static int hp = 10, monsterHp = 0, moves = 0;

    static Room room(String name, String desc, String... items) {
        Room r = new Room(name, desc);
        r.items.addAll(Arrays.asList(items));
        rooms.put(name, r);
        return r;
    }

    static void link(String a, String dir, String b, String back) {
        rooms.get(a).exits.put(dir, b);
        rooms.get(b).exits.put(back, a);
    }

    static void look() {
        System.out.println("== " + here.name + " == " + here.description);
        if (!here.items.isEmpty()) System.out.println("You see: " + String.join(", ", here.items));
        if (here.monster != null) System.out.println("A " + here.monster + " blocks the way!");
        System.out.println("Exits: " + here.exits.keySet());
    }

    static void handle(String line) {
        String[] words = line.trim().toLowerCase().split(" ", 2);
        String verb = words[0], arg = words.length > 1 ? words[1].trim() : "";
        moves++;
        switch (state) {
            case FIGHTING:
                if (verb.equals("attack")) {
                    int dmg = inventory.contains("sword") ? 4 : 1;
                    monsterHp -= dmg;
                    System.out.println("You hit the " + here.monster + " for " + dmg + " (" + Math.max(0, monsterHp) + " left)");
                    if (monsterHp <= 0) {
                        System.out.println("The " + here.monster + " is defeated.");
                        here.monster = null;
                        state = State.EXPLORING;
                        return;
                    }
                    hp -= 3;
                    System.out.println("The " + here.monster + " hits you. hp=" + hp);
                    if (hp <= 0) state = State.DEAD;
                } else if (verb.equals("flee")) {
                    System.out.println("You cannot flee!");
                } else {
                    System.out.println("You are fighting! (attack/flee)");
                }
                return;
            case DEAD:
            case WON:
                System.out.println("The game is over. (" + line.trim() + " ignored)");
                return;
            default:
                break;
        }
        switch (verb) {
            case "look": look(); break;
            case "go": {
                String target = here.exits.get(arg);
                if (target == null) {
                    System.out.println("You can't go '" + arg + "'.");
                } else if (here.monster != null) {
                    System.out.println("The " + here.monster + " attacks as you try to pass!");
                    state = State.FIGHTING;
                } else {
                    here = rooms.get(target);
                    look();
                    if (here.name.equals("Treasury") && inventory.contains("key")) {
                        System.out.println("You unlock the chest with the key. You win!");
                        state = State.WON;
                    }
                }
                break;
            }
            case "take":
                if (here.items.remove(arg)) {
                    inventory.add(arg);
                    System.out.println("Taken: " + arg);
                } else System.out.println("No " + arg + " here.");
                break;
            case "drop":
                if (inventory.remove(arg)) {
                    here.items.add(arg);
                    System.out.println("Dropped: " + arg);
                } else System.out.println("You don't have " + arg + ".");
                break;
            case "inv":
            case "inventory":
                Collections.sort(inventory);
                System.out.println("Inventory: " + inventory + " hp=" + hp);
                break;
            case "":
                System.out.println("Say something.");
                break;
            default:
                System.out.println("I don't understand '" + verb + "'.");
        }
    }

    public static void main(String[] args) throws IOException {
        room("Hall", "a dusty entrance hall", "lamp");
        room("Armory", "racks of old weapons", "sword", "shield");
        room("Cellar", "damp and dark", "key");
        room("Bridge", "a narrow bridge over a chasm");
        room("Treasury", "a chest glitters here");
        link("Hall", "east", "Armory", "west");
        link("Hall", "down", "Cellar", "up");
        link("Hall", "north", "Bridge", "south");
        link("Bridge", "north", "Treasury", "south");
        rooms.get("Bridge").monster = "troll";
        here = rooms.get("Hall");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        int lineNo = 0;
        look();
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.startsWith("#")) continue;
            System.out.println("> " + line);
            handle(line);
            if (monsterHp <= 0 && state == State.FIGHTING) monsterHp = 0;
            if (state == State.FIGHTING && monsterHp == 0) monsterHp = 9;
        }
        System.out.println("lines read " + lineNo + ", moves " + moves + ", final state " + state + ", hp " + hp + ", room " + here.name);
        System.out.println("inventory " + inventory + " state ordinal " + state.ordinal() + " values " + Arrays.toString(State.values()));
    }
}
