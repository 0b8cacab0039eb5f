//! What a native method sees of the VM: the heap and the scheduler directly, and the rest
//! through [`Services`], a small interface the VM implements (as Lua's C API is the host's
//! view of its state). Natives never see the `Vm` itself, so they depend on nothing above them.

use std::sync::{Arc, MutexGuard};

use crate::class::Class;
use crate::heap::{ClassId, Heap};
use crate::outside::Outside;
use crate::sched::Scheduler;
use crate::thread::{Number, Result, Thread, Trap};
use crate::value::Value;

/// The VM's services to natives: classes, strings and errors, output, threads and snapshots.
pub trait Services: Sync {
    /// A Phantom exception carrying a message string.
    fn throw_str(&self, message: &str) -> Trap;
    fn new_string(&self, bytes: &[u8]) -> Result<Value>;
    /// Text of a string value, if it is one.
    fn string_bytes(&self, v: Value) -> Result<Option<Vec<u8>>>;
    /// A short description of a value for messages.
    fn describe(&self, v: Value) -> String;
    /// The number in a boxed value.
    fn unbox_any(&self, v: Value) -> Result<Option<Number>>;

    fn class(&self, id: ClassId) -> Arc<Class>;
    /// The class of any value; ints are `.internal.int`, null is `.internal.void`.
    fn class_of(&self, v: Value) -> Result<ClassId>;
    /// The class id behind a class object.
    fn class_id_of_object(&self, v: Value) -> Result<ClassId>;
    fn is_subclass(&self, class: ClassId, ancestor: ClassId) -> bool;
    /// Finds a class by name, loading it from the class path if needed.
    fn find_class(&self, name: &str) -> std::result::Result<ClassId, String>;
    /// Creates a class at run time (`newClass`).
    fn define_class(
        &self,
        name: &str,
        field_slots: u32,
        methods_of: Option<ClassId>,
    ) -> std::result::Result<ClassId, String>;
    /// Allocates an instance of a class, as `new` does.
    fn instantiate(&self, class: ClassId) -> Result<Value>;

    /// Writes program output.
    fn print(&self, bytes: &[u8]) -> Result<()>;
    /// The next console character, `Some(empty)` at end of input, or `None` after
    /// registering `thread` to be woken when input arrives (only when it may park).
    fn next_char(&self, thread: u64, may_park: bool) -> Option<Vec<u8>>;
    /// `next_char`, taking up to `max` bytes of what has arrived.
    fn next_bytes(&self, thread: u64, may_park: bool, max: usize) -> Option<Vec<u8>>;
    /// Serialises updates of mutex, cond and semaphore objects.
    fn sync(&self) -> MutexGuard<'_, ()>;

    /// A slot of the system object (see `system`).
    fn root_slot(&self, slot: u64) -> Result<Value>;
    fn set_root_slot(&self, slot: u64, v: Value) -> Result<()>;
    /// The program's arguments, as strings.
    fn arguments(&self) -> Result<Vec<Value>>;

    /// Calls a method from native code, to its end.
    fn call(&self, thread: &mut Thread, this: Value, ordinal: u32, args: &[Value]) -> Result<Value>;
    /// A new VM thread about to run `this.ordinal(args)`.
    fn new_thread(&self, this: Value, ordinal: u32, args: &[Value]) -> Result<Box<Thread>>;
    /// Starts `object.8(boot)` as a new VM thread.
    fn start_thread(&self, object: Value) -> Result<()>;
    /// A new array holding `items`.
    fn new_array_of(&self, thread: &mut Thread, items: &[Value]) -> Result<Value>;

    /// `boot.commit()`: the generation of the durable snapshot holding the thread, or `None`
    /// after parking the thread until there is one.
    fn commit(&self, thread: &mut Thread, may_park: bool) -> Result<Option<u64>>;
}

/// A native's context: the heap, the scheduler, and the VM's services.
pub struct Cx<'a> {
    pub heap: &'a Heap,
    pub sched: &'a Scheduler,
    /// Sockets, files, mounts and held output.
    pub outside: &'a Outside,
    services: &'a dyn Services,
}

impl<'a> Cx<'a> {
    pub fn new(heap: &'a Heap, sched: &'a Scheduler, outside: &'a Outside, services: &'a dyn Services) -> Cx<'a> {
        Cx { heap, sched, outside, services }
    }

    /// The host's time since its start: the scale of every deadline.
    pub fn now(&self) -> std::time::Duration {
        self.sched.clock.now()
    }

    /// The host the VM runs on (its clock, sleeping).
    pub fn host(&self) -> &dyn phantom_host::Host {
        self.sched.clock.host()
    }

    /// The environment programs see: the host's variables named `PHANTOM_NAME`, as
    /// `NAME=value`, in the host's order.
    pub fn kernel_environment(&self) -> Vec<String> {
        let vars = self.host().env().into_iter();
        vars.filter_map(|(k, v)| k.strip_prefix("PHANTOM_").map(|k| format!("{k}={v}"))).collect()
    }
}

impl<'a> std::ops::Deref for Cx<'a> {
    type Target = dyn Services + 'a;

    fn deref(&self) -> &Self::Target {
        self.services
    }
}
