// Semantic errors: each is reported with its location and a hint.
package .test;

class error_types
{
    var count : int;

    int twice(var n : int) { return n * 2; }

    void run(var boot) [8]
    {
        var s : string;
        s = 5;
        count = "many";
        undefined = 1;
        twice("x", 2);
        s.nosuch();
        break;
        new .test.missing();
        s = s - 1;
    }
};
//! error_types.ph:13:13
//! cannot assign int to a variable of type string
//! cannot assign string to a variable of type int
//! unknown name `undefined`
//! class `.test.error_types` has no method `twice` taking (string, int)
//! there is twice(int)
//! class `.internal.string` has no method `nosuch`
//! `break` outside a loop or switch
//! unknown class `.test.missing`
//! `-` needs numbers, but this is string
//! compilation failed: 8 errors
