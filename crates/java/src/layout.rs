//! Where things live once translated: the Phantom name of every Java class, the object slot of
//! every instance and static field, and the method-table ordinal of every method. A class's
//! layout extends its superclass's, so the universe of classes a program uses is read first.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::model::{JavaClass, Kind, MethodDecl};
use crate::Error;

/// Ordinals below this are the object protocol's (reference vm 3.1); Java's own start here.
pub const FIRST_ORDINAL: u32 = 16;
/// Method of every statics class: registers the statics object and runs `<clinit>` once.
pub const ENSURE_ORDINAL: u32 = 16;
/// Slot of a statics class's class object that holds the one statics object.
pub const STATICS_SLOT: i32 = 0;

/// The Java methods that are the object protocol's, by ordinal: any object, a Phantom string
/// or array included, answers them.
pub fn protocol_ordinal(key: &str) -> Option<u32> {
    match key {
        "equals(Ljava/lang/Object;)Z" => Some(4),
        "toString()Ljava/lang/String;" => Some(5),
        "hashCode()I" => Some(15),
        _ => None,
    }
}

/// The Phantom name of a Java class (`java/util/ArrayList` is `.java.java.util.ArrayList`). A
/// Java name cannot hold `#`, so the names the translator makes with it cannot collide.
pub fn phantom_name(java: &str) -> String {
    match java {
        "java/lang/String" => ".internal.string".into(),
        _ => match java.strip_prefix("phantom/internal/") {
            Some(internal) => format!(".internal.{}", internal.replace('/', ".")),
            None => format!(".java.{}", java.replace('/', ".")),
        },
    }
}

/// The class holding a Java class's static fields and methods.
pub fn statics_name(java: &str) -> String {
    format!("{}#static", phantom_name(java))
}

/// Object slots a field of this descriptor takes: two for a long or double, held as the two
/// ints `is_field_get` reads; one for the rest.
pub fn field_width(descriptor: &str) -> u32 {
    Kind::of(descriptor).cells().max(1)
}

/// Classes that are Phantom's internal ones under a Java name: no layout of ours.
pub fn is_internal(java: &str) -> bool {
    java == "java/lang/String" || java.starts_with("phantom/internal/")
}

/// One class's layout.
#[derive(Debug, Default)]
pub struct Layout {
    /// Instance fields by (declaring class, name): slot.
    pub fields: HashMap<(String, String), u32>,
    pub field_slots: u32,
    /// Instance methods by key (name and descriptor): ordinal. Inherited ones included.
    pub methods: HashMap<String, u32>,
    pub method_slots: u32,
    /// Accessors of this class's own instance fields: field name -> (getter, setter).
    pub accessors: HashMap<String, (u32, u32)>,
    /// Default methods this class inherits from interfaces and no class above it defines:
    /// key -> (interface, ordinal here).
    pub defaults: Vec<(String, String, u32)>,
    /// The statics class: static fields by name, static methods by key.
    pub static_fields: HashMap<String, u32>,
    pub static_methods: HashMap<String, u32>,
    pub static_method_slots: u32,
    /// Slots of the statics object.
    pub static_field_slots: u32,
}

/// Every class the translation can see, read once, and their layouts, computed on demand.
#[derive(Default)]
pub struct Universe {
    classes: HashMap<String, Arc<JavaClass>>,
    layouts: Mutex<HashMap<String, Arc<Layout>>>,
}

impl Universe {
    pub fn add(&mut self, class: JavaClass) {
        self.classes.insert(class.name.clone(), Arc::new(class));
    }

    pub fn class(&self, name: &str) -> Result<&Arc<JavaClass>, Error> {
        self.classes.get(name).ok_or_else(|| Error::missing_class(name))
    }

    pub fn get(&self, name: &str) -> Option<&Arc<JavaClass>> {
        self.classes.get(name)
    }

    pub fn names(&self) -> impl Iterator<Item = &String> {
        self.classes.keys()
    }

    /// The superclass chain from `name` up, `name` first.
    pub fn ancestors(&self, name: &str) -> Result<Vec<Arc<JavaClass>>, Error> {
        let mut out = Vec::new();
        let mut next = Some(name.to_string());
        while let Some(n) = next {
            let class = self.class(&n)?.clone();
            next = class.super_name.clone();
            out.push(class);
            if out.len() > 256 {
                return Err(Error::new(format!("{name}: its superclasses form a cycle")));
            }
        }
        Ok(out)
    }

    /// Every interface `name` implements, directly or through its superclasses and
    /// superinterfaces, nearest first.
    pub fn interfaces(&self, name: &str) -> Result<Vec<Arc<JavaClass>>, Error> {
        let mut out: Vec<Arc<JavaClass>> = Vec::new();
        let mut queue: Vec<String> = Vec::new();
        for c in self.ancestors(name)? {
            queue.extend(c.interfaces.iter().cloned());
            if c.is_interface && c.name != name {
                queue.push(c.name.clone());
            }
        }
        let mut i = 0;
        while i < queue.len() {
            let n = queue[i].clone();
            i += 1;
            if out.iter().any(|c| c.name == n) {
                continue;
            }
            let c = self.class(&n)?.clone();
            queue.extend(c.interfaces.iter().cloned());
            out.push(c);
        }
        Ok(out)
    }

    /// Whether `class` is `ancestor` or inherits from it (classes and interfaces).
    pub fn is_subtype(&self, class: &str, ancestor: &str) -> bool {
        if class == ancestor || ancestor == "java/lang/Object" {
            return true;
        }
        let up = self.ancestors(class).unwrap_or_default();
        up.iter().any(|c| c.name == ancestor)
            || self.interfaces(class).unwrap_or_default().iter().any(|c| c.name == ancestor)
    }

    pub fn layout(&self, name: &str) -> Result<Arc<Layout>, Error> {
        if let Some(l) = self.layouts.lock().unwrap_or_else(|e| e.into_inner()).get(name) {
            return Ok(l.clone());
        }
        let class = self.class(name)?.clone();
        let parent = match &class.super_name {
            Some(s) if !class.is_interface => Some(self.layout(s)?),
            _ => None,
        };
        let mut layout = Layout {
            field_slots: parent.as_ref().map_or(0, |p| p.field_slots),
            method_slots: parent.as_ref().map_or(FIRST_ORDINAL, |p| p.method_slots),
            fields: parent.as_ref().map(|p| p.fields.clone()).unwrap_or_default(),
            methods: parent.as_ref().map(|p| p.methods.clone()).unwrap_or_default(),
            ..Layout::default()
        };
        // A long or double takes two slots (its halves as ints), so it is never boxed.
        for f in class.fields.iter().filter(|f| !f.is_static) {
            layout.fields.insert((class.name.clone(), f.name.clone()), layout.field_slots);
            layout.field_slots += field_width(&f.descriptor);
        }
        let place = |layout: &mut Layout, key: String| -> u32 {
            if let Some(o) = protocol_ordinal(&key) {
                layout.methods.insert(key, o);
                return o;
            }
            if let Some(&o) = layout.methods.get(&key) {
                return o;
            }
            let o = layout.method_slots;
            layout.method_slots += 1;
            layout.methods.insert(key, o);
            o
        };
        if parent.is_none() && !class.is_interface {
            // java.lang.Object: the list of interfaces every class answers (FIRST_ORDINAL).
            place(&mut layout, "#interfaces()".into());
        }
        for m in class.methods.iter().filter(|m| !m.is_static && m.name != "<clinit>") {
            place(&mut layout, m.key());
        }
        for f in class.fields.iter().filter(|f| !f.is_static) {
            let get = place(&mut layout, format!("#get:{}.{}", class.name, f.name));
            let set = place(&mut layout, format!("#set:{}.{}", class.name, f.name));
            layout.accessors.insert(f.name.clone(), (get, set));
        }
        if !class.is_interface {
            for interface in self.interfaces(name)? {
                for m in interface.methods.iter().filter(|m| is_default(m)) {
                    let key = m.key();
                    if layout.defaults.iter().any(|(_, k, _)| *k == key) {
                        continue;
                    }
                    if layout.methods.contains_key(&key) {
                        // Taken by a class method, or by a default a superclass inherited from
                        // an interface this one extends (then this one is more specific).
                        let inherited = self.inherited_default(class.super_name.as_deref(), &key);
                        let own = class.methods.iter().any(|m| m.key() == key && !m.is_static);
                        match inherited {
                            Some(from) if !own && from != interface.name && self.is_subtype(&interface.name, &from) => {
                            }
                            _ => continue,
                        }
                    }
                    let o = place(&mut layout, key.clone());
                    layout.defaults.push((interface.name.clone(), key, o));
                }
            }
        }
        let mut next = FIRST_ORDINAL + 1;
        for m in class.methods.iter().filter(|m| m.is_static || m.name == "<clinit>") {
            layout.static_methods.insert(m.key(), next);
            next += 1;
        }
        for f in class.fields.iter().filter(|f| f.is_static) {
            layout.static_fields.insert(f.name.clone(), layout.static_field_slots);
            layout.static_field_slots += field_width(&f.descriptor);
            let get = next;
            layout.static_methods.insert(format!("#get:{}", f.name), get);
            layout.static_methods.insert(format!("#set:{}", f.name), get + 1);
            next += 2;
        }
        layout.static_method_slots = next;
        let layout = Arc::new(layout);
        self.layouts.lock().unwrap_or_else(|e| e.into_inner()).insert(name.to_string(), layout.clone());
        Ok(layout)
    }

    /// The interface whose default method `key` the class `name` (or a superclass) took.
    fn inherited_default(&self, name: Option<&str>, key: &str) -> Option<String> {
        let mut next = name.map(str::to_string);
        while let Some(n) = next {
            let class = self.get(&n)?;
            if class.methods.iter().any(|m| m.key() == key && !m.is_abstract) {
                return None;
            }
            if let Ok(l) = self.layout(&n) {
                if let Some((i, _, _)) = l.defaults.iter().find(|(_, k, _)| k == key) {
                    return Some(i.clone());
                }
            }
            next = class.super_name.clone();
        }
        None
    }

    /// The class that declares instance field `field` as seen from `class`, and its slot.
    pub fn field_slot(&self, class: &str, field: &str) -> Result<(String, u32), Error> {
        for c in self.ancestors(class)? {
            if c.fields.iter().any(|f| !f.is_static && f.name == field) {
                let slot = self.layout(&c.name)?.fields[&(c.name.clone(), field.to_string())];
                return Ok((c.name.clone(), slot));
            }
        }
        Err(Error::missing_member(class, field))
    }

    /// The class that declares static field `field` as seen from `class` (superclasses and
    /// interfaces are searched, as Java resolves it).
    pub fn static_field_owner(&self, class: &str, field: &str) -> Result<String, Error> {
        let mut candidates = self.ancestors(class)?;
        candidates.extend(self.interfaces(class)?);
        candidates
            .iter()
            .find(|c| c.fields.iter().any(|f| f.is_static && f.name == field))
            .map(|c| c.name.clone())
            .ok_or_else(|| Error::missing_member(class, field))
    }

    /// The class that declares static method `key` as seen from `class`.
    pub fn static_method_owner(&self, class: &str, key: &str) -> Result<String, Error> {
        let mut candidates = self.ancestors(class)?;
        candidates.extend(self.interfaces(class)?);
        candidates
            .iter()
            .find(|c| c.methods.iter().any(|m| m.is_static && m.key() == key))
            .map(|c| c.name.clone())
            .ok_or_else(|| Error::missing_member(class, key))
    }

    /// Whether any class in `name`'s chain (itself and its superclasses) has a static part whose
    /// initialisation `new` must trigger.
    pub fn needs_init(&self, name: &str) -> bool {
        self.ancestors(name).map(|a| a.iter().any(|c| c.methods.iter().any(|m| m.name == "<clinit>"))).unwrap_or(false)
    }
}

pub fn is_default(m: &MethodDecl) -> bool {
    // Private interface methods too: Java calls them with invokeinterface, by name.
    !m.is_static && !m.is_abstract && m.name != "<clinit>" && m.name != "<init>"
}
