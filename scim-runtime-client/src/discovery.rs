//! What a client learns from the discovery endpoints (RFC 7644 §4): `/ServiceProviderConfig`,
//! `/Schemas` and `/ResourceTypes`.

use crate::error::DiscoveryError;
use scim_runtime_model::drift::{self, DriftReport};
use scim_runtime_model::dynamic::DynamicType;
use scim_runtime_model::schema::{ResourceType, Schema, ServiceProviderConfig};
use scim_runtime_model::Resource;

/// What a client knows of its server: the discovery documents it fetched with `discover()`
/// (or was given), and what they decide (endpoints, ETag support, bulk limits, the dynamic
/// resource types).
///
/// Named for what it holds rather than `Discovery`, the name of the server toolkit's type
/// that serves these documents.
///
/// Until the ServiceProviderConfig is known the client assumes nothing: it refuses no
/// operation and sends no ETag headers of its own accord, as scim2-client does.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DiscoveredServer {
    /// `GET /ServiceProviderConfig` (RFC 7643 §5).
    pub service_provider_config: Option<ServiceProviderConfig>,
    /// `GET /Schemas` (RFC 7643 §7).
    pub schemas: Vec<Schema>,
    /// `GET /ResourceTypes` (RFC 7643 §6).
    pub resource_types: Vec<ResourceType>,
}

impl DiscoveredServer {
    /// The endpoint of the resource type whose core schema is `schema`.
    pub fn endpoint_for_schema(&self, schema: &str) -> Option<&str> {
        self.resource_types
            .iter()
            .find(|rt| {
                rt.schema
                    .as_deref()
                    .is_some_and(|s| s.eq_ignore_ascii_case(schema))
            })
            .and_then(|rt| rt.endpoint.as_deref())
    }

    /// The resource type of this name (RFC 7643 §6 `name`), compared case-insensitively.
    pub fn resource_type(&self, name: &str) -> Option<&ResourceType> {
        self.resource_types.iter().find(|rt| {
            rt.name
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
    }

    /// The schema with this URN.
    pub fn schema(&self, id: &str) -> Option<&Schema> {
        self.schemas.iter().find(|s| s.id.eq_ignore_ascii_case(id))
    }

    /// Whether the server said it supports ETags (RFC 7643 §5 `etag`).
    pub fn etag_supported(&self) -> bool {
        self.service_provider_config
            .as_ref()
            .is_some_and(ServiceProviderConfig::etag_supported)
    }

    /// The resource type of this name as a [`DynamicType`], built from the discovered
    /// ResourceType (its endpoint, core schema and extensions) and `/Schemas`: what the
    /// client's dynamic operations read and check resources against.
    ///
    /// # Errors
    ///
    /// [`DiscoveryError::NotDiscovered`] when no resource type is known,
    /// [`DiscoveryError::UnknownResourceType`] when none has this name, and
    /// [`DiscoveryError::InvalidSchema`] when its schemas are missing or unusable.
    pub fn dynamic_type(&self, name: &str) -> Result<DynamicType, DiscoveryError> {
        if self.resource_types.is_empty() {
            return Err(DiscoveryError::NotDiscovered("resource types"));
        }
        let resource_type =
            self.resource_type(name)
                .ok_or_else(|| DiscoveryError::UnknownResourceType {
                    name: name.to_owned(),
                    known: self
                        .resource_types
                        .iter()
                        .filter_map(|rt| rt.name.clone())
                        .collect(),
                })?;
        Ok(DynamicType::from_resource_type(
            resource_type,
            &self.schemas,
        )?)
    }

    /// How the discovered `/Schemas` drifted from the schemas `R` was generated from (its core
    /// schema and extensions), with severities ([`drift::against`]), followed by how the
    /// discovered ResourceType of `R`'s schema drifted from `R`'s (its endpoint and schema
    /// extensions: [`drift::against_resource_type`]) when resource types were discovered.
    ///
    /// # Errors
    ///
    /// [`DiscoveryError::NotDiscovered`] when no schema is known.
    pub fn drift<R: Resource>(&self) -> Result<DriftReport, DiscoveryError> {
        let mut report = self.drift_for(&R::schemas())?;
        if !self.resource_types.is_empty() {
            report
                .changes
                .extend(drift::against_resource_type::<R>(&self.resource_types).changes);
        }
        Ok(report)
    }

    /// How the discovered `/Schemas` drifted from `used`, the schemas of every type the client
    /// works with, such as `User::schemas()` and `Group::schemas()` together
    /// ([`drift::against_schemas`]).
    ///
    /// # Errors
    ///
    /// [`DiscoveryError::NotDiscovered`] when no schema is known.
    pub fn drift_for(&self, used: &[Schema]) -> Result<DriftReport, DiscoveryError> {
        if self.schemas.is_empty() {
            return Err(DiscoveryError::NotDiscovered("schemas"));
        }
        Ok(drift::against_schemas(used, &self.schemas))
    }
}

/// The former name of [`DiscoveredServer`].
#[deprecated(
    since = "0.1.0",
    note = "renamed `DiscoveredServer`, apart from the server toolkit's `Discovery`"
)]
pub type Discovery = DiscoveredServer;
