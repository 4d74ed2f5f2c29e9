/** Boots Swagger UI on /docs against our own OpenAPI document (kept out of inline script for CSP). */
declare const SwaggerUIBundle: (opts: Record<string, unknown>) => unknown;
SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, tryItOutEnabled: true });
