// Linux App Service plan and web app running the one Node 22 service (bot, REST API, tab, jobs).
// At least two instances, HTTPS only, always on, health check on /healthz, no session affinity
// (state lives in Blob Storage and SharePoint, never in process memory).

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app; its default host is <name>.azurewebsites.net.')
param siteName string

@description('Azure region.')
param location string

@description('App Service plan SKU.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param sku string

@description('Number of instances; two or more so a restart or a platform update never takes the bot down.')
@minValue(2)
@maxValue(10)
param instanceCount int

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('Command that starts the app.')
param appCommandLine string

@description('Application settings (environment variables of bot/config.ts); Key Vault references allowed.')
param settings object

@description('Client id of the Entra app that protects the API, for ENTRA_APP_ID_URI.')
param entraClientId string

@description('Resource id of the Log Analytics workspace (the one behind Application Insights) that receives the app\'s console output: its structured JSON logs with correlation ids.')
param logAnalyticsWorkspaceId string

@description('Tags applied to the plan and the app.')
param tags object

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: appCommandLine
      alwaysOn: true
      numberOfWorkers: instanceCount
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
  }
}

// Settings that need the app's own host name are added here, after the site exists.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: union(settings, {
    PUBLIC_URL: 'https://${site.properties.defaultHostName}'
    ENTRA_APP_ID_URI: 'api://${site.properties.defaultHostName}/${entraClientId}'
  })
}

// The app logs JSON lines to stdout (pino, one correlationId per request or bot turn). App Service
// sends them to the workspace of Application Insights as AppServiceConsoleLogs; the HTTP and
// platform logs go along, so one Logs query sees requests, restarts and the app's own lines.
resource siteLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'app-logs-to-workspace'
  scope: site
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

@description('Resource id of the web app (for zip deploy).')
output siteId string = site.id

@description('Name of the web app.')
output siteName string = site.name

@description('Default host name of the web app, e.g. thub-app.azurewebsites.net.')
output defaultHostName string = site.properties.defaultHostName
