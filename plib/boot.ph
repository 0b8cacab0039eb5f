// The boot class: the kernel creates it and calls startup with the boot object.
package .phantom;

class boot
{
    void startup(var bootObject) [8]
    {
        bootObject.16("Phantom " + "persistent system\n");
        bootObject.17(new class_loader(bootObject));
        bootObject.18(new shell(bootObject));
    }
};
