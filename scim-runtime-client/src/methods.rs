//! The methods the async and the blocking client share, written once: each makes an
//! [`Operation`](crate::Operation) with the sans-IO core and hands it back as a
//! [`Call`](crate::Call) or a [`Query`](crate::Query) to shape and send.

/// Writes the shared methods of `$client<T>`, a client with a `core: Core` field.
///
/// The expansion names `Core`, `Operation`, `QueryMethod`, `Call`, `Query`, `DiscoveredServer`,
/// `DiscoveryError` and the model's types as the expanding module imports them, so that the
/// module's imports say what it depends on.
macro_rules! client_methods {
    ($client:ident) => {
        impl<T> $client<T> {
            /// The sans-IO core.
            pub fn core(&self) -> &Core {
                &self.core
            }

            /// The sans-IO core, to change what the client knows or checks.
            pub fn core_mut(&mut self) -> &mut Core {
                &mut self.core
            }

            /// What the client knows about the server.
            pub fn discovery(&self) -> &DiscoveredServer {
                self.core.discovery()
            }

            /// The transport.
            pub fn transport(&self) -> &T {
                &self.transport
            }

            /// The discovered resource type of this name (case-insensitive) as a
            /// [`DynamicType`], for [`get_dynamic`](Self::get_dynamic) and
            /// [`list_dynamic`](Self::list_dynamic), and to read resources with
            /// [`DynamicType::from_value`].
            ///
            /// # Errors
            ///
            /// [`DiscoveryError::NotDiscovered`] before `discover()`,
            /// [`DiscoveryError::UnknownResourceType`] for a name the server does not serve.
            pub fn dynamic(&self, name: &str) -> Result<DynamicType, DiscoveryError> {
                self.core.discovery().dynamic_type(name)
            }

            /// How the server's discovered `/Schemas` drifted from the schemas `R` was
            /// generated from, with severities ([`DiscoveredServer::drift`]).
            ///
            /// # Errors
            ///
            /// [`DiscoveryError::NotDiscovered`] before `discover()`.
            pub fn drift<R: Resource>(&self) -> Result<DriftReport, DiscoveryError> {
                self.core.discovery().drift::<R>()
            }

            /// How the server's discovered `/Schemas` drifted from the schemas of every type
            /// the client uses ([`DiscoveredServer::drift_for`]).
            ///
            /// # Errors
            ///
            /// [`DiscoveryError::NotDiscovered`] before `discover()`.
            pub fn drift_for(&self, used: &[Schema]) -> Result<DriftReport, DiscoveryError> {
                self.core.discovery().drift_for(used)
            }

            fn call<O: Outcome>(&self, operation: Operation<O>) -> Call<'_, Self, O> {
                Call::new(self, operation)
            }

            fn query<R: ListItem>(&self, path: &str, method: QueryMethod) -> Query<'_, Self, R> {
                self.query_shaped(path, (), method)
            }

            fn query_shaped<R>(
                &self,
                path: &str,
                shape: <ListResponse<R> as Outcome>::Shape,
                method: QueryMethod,
            ) -> Query<'_, Self, R>
            where
                ListResponse<R>: Outcome,
            {
                Query::new(self, path, shape, method)
            }

            /// Creates a resource, typed or dynamic: `POST endpoint`, expecting `201 Created`
            /// (RFC 7644 §3.3).
            pub fn create<R: ClientResource>(&self, resource: &R) -> Call<'_, Self, R> {
                self.call(self.core.create(resource))
            }

            /// Retrieves a resource by id: `GET endpoint/id` (RFC 7644 §3.4.1).
            pub fn get<R: Resource>(&self, id: &str) -> Call<'_, Self, R> {
                self.call(self.core.get::<R>(id))
            }

            /// Retrieves a resource of the dynamic type `ty` (from
            /// [`dynamic`](Self::dynamic)) by id: `GET endpoint/id` (RFC 7644 §3.4.1),
            /// checked against `ty`'s schemas.
            pub fn get_dynamic(
                &self,
                ty: &DynamicType,
                id: &str,
            ) -> Call<'_, Self, DynamicResource> {
                self.call(self.core.get_dynamic(ty, id))
            }

            /// Retrieves `resource` again; with ETag support a `304 Not Modified` gives it back
            /// unchanged (RFC 7644 §3.14).
            pub fn refresh<R: ClientResource + Clone>(&self, resource: &R) -> Call<'_, Self, R> {
                self.call(self.core.refresh(resource))
            }

            /// Retrieves the authenticated subject: `GET /Me` (RFC 7644 §3.11). A server
            /// without `/Me` answers 501: [`Error::MeNotSupported`](crate::Error::MeNotSupported).
            pub fn me<R: Resource>(&self) -> Call<'_, Self, R> {
                self.call(self.core.me::<R>())
            }

            /// Replaces the authenticated subject's resource: `PUT /Me` (RFC 7644 §3.11), with
            /// `If-Match` as [`replace`](Self::replace).
            pub fn replace_me<R: ClientResource>(&self, resource: &R) -> Call<'_, Self, R> {
                self.call(self.core.replace_me(resource))
            }

            /// Modifies the authenticated subject's resource: `PATCH /Me` (RFC 7644 §3.11).
            /// `None` when the server answers `204 No Content`.
            pub fn patch_me<R: Resource>(&self, patch: &PatchOp<R>) -> Call<'_, Self, Option<R>> {
                self.call(self.core.patch_me(patch))
            }

            /// Deletes the authenticated subject's resource: `DELETE /Me` (RFC 7644 §3.11).
            pub fn delete_me(&self) -> Call<'_, Self, ()> {
                self.call(self.core.delete_me())
            }

            /// Lists resources: `GET endpoint` with `filter`, `sortBy`, `sortOrder`,
            /// `startIndex` and `count` (RFC 7644 §3.4.2).
            pub fn list<R: Resource>(&self) -> Query<'_, Self, R> {
                self.query(self.core.endpoint::<R>(), QueryMethod::Get)
            }

            /// Searches resources: `POST endpoint/.search` (RFC 7644 §3.4.3).
            pub fn search<R: Resource>(&self) -> Query<'_, Self, R> {
                self.query(self.core.endpoint::<R>(), QueryMethod::Search)
            }

            /// Lists resources of the dynamic type `ty` as [`list`](Self::list) does, each
            /// result checked against `ty`'s schemas.
            pub fn list_dynamic(&self, ty: &DynamicType) -> Query<'_, Self, DynamicResource> {
                self.query_shaped(&ty.endpoint, ty.clone(), QueryMethod::Get)
            }

            /// Searches resources of the dynamic type `ty`: `POST endpoint/.search`
            /// (RFC 7644 §3.4.3).
            pub fn search_dynamic(&self, ty: &DynamicType) -> Query<'_, Self, DynamicResource> {
                self.query_shaped(&ty.endpoint, ty.clone(), QueryMethod::Search)
            }

            /// Searches every resource type: `POST /.search` (RFC 7644 §3.4.3). Results are
            /// `T`: [`serde_json::Value`], or an enum of the types expected ([`ListItem`]).
            pub fn search_all<R: ListItem>(&self) -> Query<'_, Self, R> {
                self.query("", QueryMethod::Search)
            }

            /// Replaces a resource, typed or dynamic: `PUT endpoint/id` (RFC 7644 §3.5.1),
            /// with `If-Match` when the server supports ETags and the resource has
            /// `meta.version`.
            pub fn replace<R: ClientResource>(&self, resource: &R) -> Call<'_, Self, R> {
                self.call(self.core.replace(resource))
            }

            /// Modifies a resource, typed or dynamic: `PATCH endpoint/id` (RFC 7644 §3.5.2),
            /// with `If-Match` as [`replace`](Self::replace). `None` when the server answers
            /// `204 No Content`; ask for `attributes` to get the resource.
            pub fn patch<R: ClientResource>(
                &self,
                resource: &R,
                patch: &PatchOp<R>,
            ) -> Call<'_, Self, Option<R>> {
                self.call(self.core.patch_resource(resource, patch))
            }

            /// Modifies the resource with this id: `PATCH endpoint/id` (RFC 7644 §3.5.2).
            pub fn patch_id<R: Resource>(
                &self,
                id: &str,
                patch: &PatchOp<R>,
            ) -> Call<'_, Self, Option<R>> {
                self.call(self.core.patch(id, patch))
            }

            /// Modifies the resource of the dynamic type `ty` with this id (RFC 7644 §3.5.2).
            pub fn patch_dynamic_id(
                &self,
                ty: &DynamicType,
                id: &str,
                patch: &PatchOp<DynamicResource>,
            ) -> Call<'_, Self, Option<DynamicResource>> {
                self.call(self.core.patch_dynamic(ty, id, patch))
            }

            /// Deletes a resource, typed or dynamic: `DELETE endpoint/id` (RFC 7644 §3.6),
            /// with `If-Match` as [`replace`](Self::replace).
            pub fn delete<R: ClientResource>(&self, resource: &R) -> Call<'_, Self, ()> {
                self.call(self.core.delete_resource(resource))
            }

            /// Deletes the resource with this id: `DELETE endpoint/id` (RFC 7644 §3.6).
            pub fn delete_id<R: Resource>(&self, id: &str) -> Call<'_, Self, ()> {
                self.call(self.core.delete::<R>(id))
            }

            /// Deletes the resource of the dynamic type `ty` with this id (RFC 7644 §3.6).
            pub fn delete_dynamic_id(&self, ty: &DynamicType, id: &str) -> Call<'_, Self, ()> {
                self.call(self.core.delete_dynamic(ty, id))
            }

            /// Sends a bulk request: `POST /Bulk` (RFC 7644 §3.7), refused before sending when
            /// it exceeds the server's `maxOperations` or `maxPayloadSize`.
            pub fn bulk(&self, request: &BulkRequest) -> Call<'_, Self, BulkResponse> {
                self.call(self.core.bulk(request))
            }
        }
    };
}

pub(crate) use client_methods;
