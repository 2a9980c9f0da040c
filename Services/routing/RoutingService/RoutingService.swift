// RoutingService
