//! [`Config`]: what to generate from, and the generation itself (read, plan, emit, format).

use std::path::{Path, PathBuf};

use crate::error::{Error, Location, Warning, WarningCode};
use crate::names::{self, Name};
use crate::output::{Generated, GeneratedModules, Module};
use crate::source::Source;
use crate::{emit, naming, plan, read};

/// What happens to the generator's [`Warning`]s (those not allowed with
/// [`Config::allow_warning`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WarningPolicy {
    /// Kept in [`Generated::warnings`] only; [`Config::compile`] prints none.
    Silence,
    /// Kept in [`Generated::warnings`], and [`Config::compile`] prints each as a
    /// `cargo:warning` line ending in its code (`[null-value]`). The default.
    #[default]
    Print,
    /// The first warning fails the generation with [`Error::DeniedWarning`], in
    /// [`Config::generate`] and [`Config::compile`] alike: for dumps that are expected to be
    /// clean, so that a new quirk is seen.
    Deny,
}

/// What to generate from; setters return `&mut Self` so calls chain.
#[derive(Debug, Clone)]
pub struct Config {
    inputs: Vec<Source>,
    resource_types: Vec<Source>,
    out_dir: Option<PathBuf>,
    out_file_name: String,
    /// `(extension schema URN, required)` overriding what the ResourceTypes say.
    extension_required: Vec<(String, bool)>,
    /// Whether `schemaExtensions.required: true` makes an extension required.
    keep_required_extensions: bool,
    /// `(schema URN, dotted attribute path, required)` overriding what the schema says.
    attribute_required: Vec<(String, String, bool)>,
    warning_policy: WarningPolicy,
    allowed_warnings: Vec<WarningCode>,
}

impl Default for Config {
    fn default() -> Self {
        Self::new()
    }
}

impl Config {
    /// No inputs yet; the output file name is `scim.rs`.
    pub fn new() -> Self {
        Self {
            inputs: Vec::new(),
            resource_types: Vec::new(),
            out_dir: None,
            out_file_name: "scim.rs".to_owned(),
            extension_required: Vec::new(),
            keep_required_extensions: false,
            attribute_required: Vec::new(),
            warning_policy: WarningPolicy::Print,
            allowed_warnings: Vec::new(),
        }
    }

    /// Adds an input file: a `/Schemas` dump, one schema, or any document holding Schemas
    /// and/or ResourceTypes. A directory stands for its `*.json` files, in name order.
    pub fn input(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.inputs.push(Source::Path(path.as_ref().to_owned()));
        self
    }

    /// Adds several input files, in order.
    pub fn inputs<P: AsRef<Path>>(&mut self, paths: impl IntoIterator<Item = P>) -> &mut Self {
        for path in paths {
            self.input(path);
        }
        self
    }

    /// Adds an input held in memory; `name` stands for the file in warnings and errors.
    pub fn input_json(&mut self, name: impl Into<String>, json: impl Into<String>) -> &mut Self {
        self.inputs.push(Source::Json {
            name: name.into(),
            text: json.into(),
        });
        self
    }

    /// Adds a `/ResourceTypes` document. (ResourceTypes found in the other inputs are used too.)
    pub fn resource_types(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.resource_types
            .push(Source::Path(path.as_ref().to_owned()));
        self
    }

    /// Adds a `/ResourceTypes` document held in memory.
    pub fn resource_types_json(
        &mut self,
        name: impl Into<String>,
        json: impl Into<String>,
    ) -> &mut Self {
        self.resource_types.push(Source::Json {
            name: name.into(),
            text: json.into(),
        });
        self
    }

    /// The directory [`Config::compile`] writes to; default: `$OUT_DIR`.
    pub fn out_dir(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.out_dir = Some(dir.as_ref().to_owned());
        self
    }

    /// The file name [`Config::compile`] writes; default: `scim.rs`.
    pub fn out_file_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.out_file_name = name.into();
        self
    }

    /// Overrides the `required` flag of the extension `schema` (RFC 7643 §6
    /// `schemaExtensions.required`) on every resource type that uses it, whatever the
    /// ResourceTypes say and whatever [`Config::keep_required_extensions`] is.
    pub fn extension_required(&mut self, schema: impl Into<String>, required: bool) -> &mut Self {
        self.extension_required.push((schema.into(), required));
        self
    }

    /// Whether an extension that a ResourceType declares `required: true` (RFC 7643 §6
    /// `schemaExtensions.required`) is required in the generated type; default `false`: every
    /// extension is an optional field.
    ///
    /// A required extension makes every request and response without it invalid, so types
    /// meant for many servers want it optional even when the dump says otherwise. The RFC 7643
    /// §8.6 example (`schemas/resource-types.json`) requires the enterprise extension, few
    /// servers do, and `scim-runtime`'s standard `User` has it optional. A server that needs
    /// the extension on every User opts in here (or for one extension with
    /// [`Config::extension_required`]); the command line's flag is `--required-extensions`.
    pub fn keep_required_extensions(&mut self, keep: bool) -> &mut Self {
        self.keep_required_extensions = keep;
        self
    }

    /// Overrides the `required` characteristic (RFC 7643 §7) of one attribute of the schema
    /// `schema`, for dumps whose schema says otherwise than the server behaves. `attribute` is
    /// the attribute's name, or a dotted path to a sub-attribute (`name.familyName`); both it
    /// and the URN are matched case-insensitively (RFC 7643 §2.1). An override that matches no
    /// attribute of the inputs fails the generation with [`Error::UnknownOverride`], so that a
    /// typo is not silently ignored.
    ///
    /// `scim-runtime`'s standard `Group` is generated with `displayName` required: RFC 7643
    /// §4.2 says it is REQUIRED, although the §8.7.1 schema representation says
    /// `"required": false`, and servers (scim2-server among them) refuse a Group without it.
    ///
    /// ```
    /// # let group = include_str!("../../schemas/group.json");
    /// let generated = scim_codegen::Config::new()
    ///     .input_json("group.json", group)
    ///     .attribute_required("urn:ietf:params:scim:schemas:core:2.0:Group", "displayName", true)
    ///     .generate()
    ///     .unwrap();
    /// assert!(generated.code.contains("#[scim(required)]"));
    ///
    /// let typo = scim_codegen::Config::new()
    ///     .input_json("group.json", group)
    ///     .attribute_required("urn:ietf:params:scim:schemas:core:2.0:Group", "displayNam", true)
    ///     .generate()
    ///     .unwrap_err();
    /// assert!(matches!(typo, scim_codegen::Error::UnknownOverride { .. }));
    /// ```
    pub fn attribute_required(
        &mut self,
        schema: impl Into<String>,
        attribute: impl Into<String>,
        required: bool,
    ) -> &mut Self {
        self.attribute_required
            .push((schema.into(), attribute.into(), required));
        self
    }

    /// What to do with warnings: silence, print (the default) or deny them. See
    /// [`WarningPolicy`].
    pub fn warnings(&mut self, policy: WarningPolicy) -> &mut Self {
        self.warning_policy = policy;
        self
    }

    /// Allows one kind of warning: it is neither printed nor denied, and is left out of
    /// [`Generated::warnings`]. For quirks of a dump that are known and accepted, so that the
    /// others stay visible (or fail, under [`WarningPolicy::Deny`]).
    pub fn allow_warning(&mut self, code: WarningCode) -> &mut Self {
        if !self.allowed_warnings.contains(&code) {
            self.allowed_warnings.push(code);
        }
        self
    }

    /// The inputs and the ResourceTypes documents, each directory replaced by its `*.json`
    /// files in name order.
    fn sources(&self) -> Result<(Vec<Source>, Vec<Source>), Error> {
        Ok((expand(&self.inputs)?, expand(&self.resource_types)?))
    }

    /// Reads every input into one catalog of schemas and resource types.
    pub(crate) fn read_catalog(&self) -> Result<read::Catalog, Error> {
        let (inputs, resource_types) = self.sources()?;
        self.read_sources(&inputs, &resource_types)
    }

    fn read_sources(
        &self,
        inputs: &[Source],
        resource_types: &[Source],
    ) -> Result<read::Catalog, Error> {
        let mut catalog = read::Catalog::default();
        for source in inputs {
            let (text, doc) = source.parse()?;
            read::read_document(&source.display(), &doc, &mut catalog)
                .map_err(|e| e.with_position(&text))?;
        }
        for source in resource_types {
            let before = catalog.resource_types.len();
            let file = source.display();
            let (text, doc) = source.parse()?;
            read::read_document(&file, &doc, &mut catalog).map_err(|e| e.with_position(&text))?;
            if catalog.resource_types.len() == before {
                catalog.warnings.push(Warning {
                    code: WarningCode::NotResourceTypes,
                    file,
                    schema_id: None,
                    attribute_path: None,
                    message: "given as resource types but holds no ResourceType".to_owned(),
                });
            }
        }
        Ok(catalog)
    }

    /// Reads the inputs and returns the generated code and the warnings. Writes nothing.
    pub fn generate(&self) -> Result<Generated, Error> {
        let emitted = self.emit(false)?;
        self.check_denied(&emitted.warnings)?;
        let code = render(&emitted.header, emitted.output.items, &emitted.files)?;
        Ok(Generated {
            code,
            warnings: emitted.warnings,
            names: emitted.names,
        })
    }

    /// Like [`Config::generate`], but one module per resource and per extension, each holding
    /// the struct of its schema and the structs and enums of its attributes, in output order.
    /// The modules are meant to be siblings under one parent that re-exports them all
    /// (`mod user; pub use user::*;`): a resource names its extensions' types `super::Name`.
    /// This is how `scim-runtime` checks in its standard resources.
    pub fn generate_modules(&self) -> Result<GeneratedModules, Error> {
        let emitted = self.emit(true)?;
        self.check_denied(&emitted.warnings)?;
        let Emitted {
            output,
            warnings,
            header,
            files,
            names,
        } = emitted;
        let mut items = output.items;
        let mut modules = Vec::with_capacity(output.units.len());
        // Split from the back so every unit's items are a tail of what is left.
        for (rust_name, start) in output.units.into_iter().rev() {
            let unit = items.split_off(start);
            let name = naming::field_ident(&rust_name)
                .trim_start_matches("r#")
                .to_owned();
            modules.push(Module {
                name,
                code: render(&header, unit, &files)?,
            });
        }
        modules.reverse();
        Ok(GeneratedModules {
            modules,
            warnings,
            names,
        })
    }

    /// Reads the inputs and builds the items, checking there is something to generate.
    fn emit(&self, split: bool) -> Result<Emitted, Error> {
        if self.inputs.is_empty() && self.resource_types.is_empty() {
            return Err(Error::NoInput);
        }
        let (inputs, resource_types) = self.sources()?;
        let mut catalog = self.read_sources(&inputs, &resource_types)?;
        let sources: Vec<&Source> = inputs.iter().chain(&resource_types).collect();
        let files = sources
            .iter()
            .map(|s| s.display())
            .collect::<Vec<_>>()
            .join(", ");
        if catalog.schemas.is_empty() {
            return Err(Error::NoSchema { files });
        }
        for rt in &mut catalog.resource_types {
            for (urn, required) in &mut rt.extensions {
                *required &= self.keep_required_extensions;
                if let Some((_, forced)) = self
                    .extension_required
                    .iter()
                    .find(|(u, _)| u.eq_ignore_ascii_case(urn))
                {
                    *required = *forced;
                }
            }
        }
        self.apply_attribute_overrides(&mut catalog)?;
        // Every decision first, then the writing of what was decided.
        let plan = plan::plan(&catalog, split);
        let output = emit::emit(&plan);
        let names = names::collect(&plan);
        if output.items.is_empty() {
            return Err(Error::NothingToGenerate {
                files,
                reasons: plan.skipped.join("; "),
            });
        }
        let mut warnings = catalog.warnings.clone();
        warnings.extend(plan.warnings);
        warnings.retain(|w| !self.allowed_warnings.contains(&w.code));
        let file_names: Vec<String> = sources.iter().map(|s| s.file_name()).collect();
        let header = format!(
            "// @generated by scim-codegen\n// from: {}\n",
            file_names.join(", ")
        );
        Ok(Emitted {
            output,
            warnings,
            header,
            files,
            names,
        })
    }

    /// Applies [`Config::attribute_required`]: every override must name an attribute that the
    /// inputs define.
    fn apply_attribute_overrides(&self, catalog: &mut read::Catalog) -> Result<(), Error> {
        for (urn, path, required) in &self.attribute_required {
            let mut found = false;
            for schema in catalog
                .schemas
                .iter_mut()
                .filter(|s| s.id.eq_ignore_ascii_case(urn))
            {
                if let Some(attribute) = find_attribute(&mut schema.attributes, path) {
                    attribute.required = *required;
                    found = true;
                }
            }
            if !found {
                return Err(Error::UnknownOverride {
                    schema: urn.clone(),
                    attribute: path.clone(),
                });
            }
        }
        Ok(())
    }

    /// Under [`WarningPolicy::Deny`], the first warning as an error.
    fn check_denied(&self, warnings: &[Warning]) -> Result<(), Error> {
        match (self.warning_policy, warnings.first()) {
            (WarningPolicy::Deny, Some(first)) => Err(Error::DeniedWarning {
                warning: first.clone(),
            }),
            _ => Ok(()),
        }
    }

    /// For build scripts: generates, writes `out_dir/out_file_name` when the content changed,
    /// and prints `cargo:rerun-if-changed` for every input file and directory (before reading
    /// them, so that a build that failed on a bad input runs again when it is fixed) and,
    /// under [`WarningPolicy::Print`], `cargo:warning` for each warning, ending in its code.
    pub fn compile(&self) -> Result<Generated, Error> {
        for source in self.inputs.iter().chain(&self.resource_types) {
            if let Source::Path(p) = source {
                println!("cargo:rerun-if-changed={}", p.display());
            }
        }
        let generated = self.generate()?;
        if self.warning_policy == WarningPolicy::Print {
            for warning in &generated.warnings {
                println!(
                    "cargo:warning={} [{}]",
                    warning.to_string().replace(['\n', '\r'], " "),
                    warning.code
                );
            }
        }
        let dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(Error::NoOutDir)?,
        };
        generated.write_if_changed(dir.join(&self.out_file_name))?;
        Ok(generated)
    }
}

/// The attribute at the dotted `path` under `attributes`, names matched case-insensitively.
fn find_attribute<'a>(
    mut attributes: &'a mut [crate::model::Attribute],
    path: &str,
) -> Option<&'a mut crate::model::Attribute> {
    let mut names = path.split('.').peekable();
    while let Some(name) = names.next() {
        let attribute = attributes
            .iter_mut()
            .find(|a| a.name.eq_ignore_ascii_case(name))?;
        if names.peek().is_none() {
            return Some(attribute);
        }
        attributes = &mut attribute.sub_attributes;
    }
    None
}

/// `sources` with each directory replaced by its `*.json` files, in name order.
fn expand(sources: &[Source]) -> Result<Vec<Source>, Error> {
    let mut out = Vec::with_capacity(sources.len());
    for source in sources {
        match source {
            Source::Path(dir) if dir.is_dir() => {
                let read_error = |source| Error::Read {
                    path: dir.clone(),
                    source,
                };
                let mut files = Vec::new();
                for entry in std::fs::read_dir(dir).map_err(read_error)? {
                    let path = entry.map_err(read_error)?.path();
                    if path.is_file() && path.extension().is_some_and(|e| e == "json") {
                        files.push(path);
                    }
                }
                files.sort();
                out.extend(files.into_iter().map(Source::Path));
            }
            other => out.push(other.clone()),
        }
    }
    Ok(out)
}

/// What [`Config::emit`] hands to the renderers.
struct Emitted {
    output: emit::Output,
    warnings: Vec<Warning>,
    /// The `@generated` comment lines, each ending in a newline.
    header: String,
    /// The inputs' names, for errors.
    files: String,
    /// The Rust name of every schema, attribute and canonical value.
    names: Vec<Name>,
}

/// Formats `items` with prettyplease after `header`, a blank line between items.
fn render(
    header: &str,
    items: Vec<proc_macro2::TokenStream>,
    files: &str,
) -> Result<String, Error> {
    let tokens = quote::quote!(#(#items)*);
    let file: syn::File = syn::parse2(tokens).map_err(|e| Error::Invalid {
        location: Location {
            file: files.to_owned(),
            schema_id: None,
            attribute_path: None,
            position: None,
        },
        expected: format!("names that make valid Rust (internal error, please report: {e})"),
    })?;
    let mut code = header.to_owned();
    // One item at a time, so that a blank line separates them.
    for item in file.items {
        let one = syn::File {
            shebang: None,
            frontmatter: None,
            attrs: Vec::new(),
            items: vec![item],
        };
        code.push('\n');
        code.push_str(&prettyplease::unparse(&one));
    }
    Ok(code)
}

/// The one-line build script: generates `$OUT_DIR/{out_file_name}` from `inputs` (Schemas and
/// ResourceTypes documents alike). See the [crate documentation](crate) for the `include!`.
pub fn compile_schemas(inputs: &[impl AsRef<Path>], out_file_name: &str) -> Result<(), Error> {
    Config::new()
        .inputs(inputs)
        .out_file_name(out_file_name)
        .compile()
        .map(|_| ())
}
