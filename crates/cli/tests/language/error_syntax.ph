// Several syntax errors in one file are all reported, each with its location.
package .test;

class error_syntax
{
    void run(var boot) [8]
    {
        var x : int;
        x = 1 +;
        boot.16("still parsing")
        x = x * 2;
        if (x > ) { }
    }

    void fine() { }
};
//! error_syntax.ph:9:16
//! expected an expression, found `;`
//! error_syntax.ph:11:9
//! expected `;` after the expression
//! error_syntax.ph:12:17
//! compilation failed: 3 errors
