public import Hummingbird
public import Logging
public import ServiceLifecycle

/// Builds the HTTP server: the router with every route and middleware, and the Hummingbird application.
public enum ViewfinderHTTPServer {
    /// The router for `dependencies` with `settings`' limits and auth.
    public static func router(
        dependencies: APIDependencies, settings: HTTPServerSettings
    ) throws(ViewfinderHTTPError) -> Router<ViewfinderRequestContext> {
        let api = ViewfinderAPI(dependencies: dependencies, settings: settings, resources: try WebResources.load())
        let router = Router(context: ViewfinderRequestContext.self)
        // Outermost, so error responses (and the router's own 404s once turned into errors) get the headers too.
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: AuthMiddleware(authenticator: api.authenticator))
        let v1 = router.group("api/v1")
        api.addSystemRoutes(to: v1)
        api.addPhotoRoutes(to: v1)
        api.addSearchFieldRoutes(to: v1)
        api.addThumbnailRoutes(to: v1)
        api.addAlbumRoutes(to: v1)
        api.addIndexRoutes(to: v1)
        api.addSessionRoutes(to: v1)
        api.addWebRoutes(to: router)
        return router
    }

    /// The application serving `router` on `settings`' address, running `services` next to it.
    public static func application(
        router: Router<ViewfinderRequestContext>, settings: HTTPServerSettings, logger: Logger,
        services: [any Service] = []
    ) -> Application<RouterResponder<ViewfinderRequestContext>> {
        Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "viewfinder"),
            services: services, logger: logger)
    }
}
