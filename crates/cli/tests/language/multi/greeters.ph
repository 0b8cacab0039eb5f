package .multi;

interface named
{
    string greeting(var who : string);
};

class loud_greeter extends greeter
{
    string greeting(var who : string) { return "HELLO, " + upper(who) + "!"; }
    string upper(var s : string)
    {
        var out : string;
        var c : int;
        out = "";
        for (var i : int = 0; i < s.length(); i++) {
            c = s.charAt(i);
            if (c >= 'a' && c <= 'z') c = c - 32;
            out = out + substring(c);
        }
        return out;
    }
    string substring(var c : int) { return "ABCDEFGHIJKLMNOPQRSTUVWXYZ".substring(c - 'A', 1); }
};

class greeter implements named
{
    string greeting(var who : string) { return "hello, " + who; }
};
