//! Syntax tree of entity–relationship diagrams (`erDiagram`).

use super::{ClassDef, Direction, Label, Meta, Span};

/// An `erDiagram`, with its statements resolved into entities and relationships.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ErDiagram {
    pub meta: Meta,
    /// From `direction TB|BT|LR|RL`; top to bottom when absent.
    pub direction: Direction,
    /// Every entity, in order of first mention. Names are unique.
    pub entities: Vec<Entity>,
    /// Every relationship, in source order.
    pub relationships: Vec<Relationship>,
    /// `classDef name prop:value,…` definitions, in source order (`classDef a,b …` gives one per name).
    pub class_defs: Vec<ClassDef>,
}

/// An entity: drawn as a table with its name in the header row and one row per attribute.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Entity {
    /// The name relationships and statements refer to (quotes removed).
    pub name: String,
    /// The display name from `name[Alias]` / `name["Alias"]`; `None` shows the name.
    pub alias: Option<Label>,
    /// Attributes from every `{ … }` block of this entity, in order.
    pub attributes: Vec<Attribute>,
    /// Classes from `:::name` and `class` statements, in order.
    pub classes: Vec<String>,
    /// Inline CSS declarations from `style name …`, in order.
    pub styles: Vec<(String, String)>,
    /// Span of the first mention (the name and its alias brackets, if any).
    pub span: Span,
}

impl Entity {
    /// The text shown in the header row: the alias if there is one, otherwise the name.
    pub fn display_name(&self) -> &str {
        self.alias.as_ref().map_or(&self.name, |a| &a.text)
    }
}

/// One row of an entity: `type name [PK, FK] ["comment"]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Attribute {
    /// The type as written, generics included (`list~string~`, `varchar(32)`, `int[]`).
    pub ty: String,
    pub name: String,
    /// `PK`, `FK`, `UK` in the order written.
    pub keys: Vec<AttributeKey>,
    /// The quoted comment without its quotes.
    pub comment: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttributeKey {
    /// `PK`
    Primary,
    /// `FK`
    Foreign,
    /// `UK`
    Unique,
}

impl AttributeKey {
    /// The key as mermaid shows it (`PK`, `FK`, `UK`).
    pub fn as_str(self) -> &'static str {
        match self {
            AttributeKey::Primary => "PK",
            AttributeKey::Foreign => "FK",
            AttributeKey::Unique => "UK",
        }
    }
}

/// How many instances of an entity take part in a relationship, at one end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Cardinality {
    /// `|o`, `o|`, `zero or one`, `one or zero`
    ZeroOrOne,
    /// `||`, `only one`, `one`, `1`
    #[default]
    OnlyOne,
    /// `}o`, `o{`, `zero or more`, `zero or many`, `many(0)`, `0+`, `many`
    ZeroOrMore,
    /// `}|`, `|{`, `one or more`, `one or many`, `many(1)`, `1+`
    OneOrMore,
    /// `u`: the parent of a multi-dimensional relationship.
    MdParent,
}

impl Cardinality {
    /// mermaid's marker name for this cardinality (`only_one`, `zero_or_more`, …).
    pub fn mermaid_name(self) -> &'static str {
        match self {
            Cardinality::ZeroOrOne => "zero_or_one",
            Cardinality::OnlyOne => "only_one",
            Cardinality::ZeroOrMore => "zero_or_more",
            Cardinality::OneOrMore => "one_or_more",
            Cardinality::MdParent => "md_parent",
        }
    }
}

/// Whether the child entity's identity depends on the parent (solid line) or not (dashed line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Identification {
    /// `--` or `to`: a solid line.
    #[default]
    Identifying,
    /// `..`, `.-`, `-.` or `optionally to`: a dashed line.
    NonIdentifying,
}

/// `FROM <from_cardinality><line><to_cardinality> TO : label`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Relationship {
    /// Entity name on the left.
    pub from: String,
    /// Entity name on the right.
    pub to: String,
    /// Cardinality written next to `from` (the left symbol, e.g. `||` in `A ||--o{ B`).
    pub from_cardinality: Cardinality,
    /// Cardinality written next to `to` (the right symbol, e.g. `o{` in `A ||--o{ B`).
    pub to_cardinality: Cardinality,
    pub identification: Identification,
    /// The role text after `:` (may be empty: `: ""`).
    pub label: Label,
    /// From the first entity to the end of the label.
    pub span: Span,
}
