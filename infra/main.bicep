// Transformation Hub on Azure: one Node 22 web app (bot, REST API, tab, scheduled jobs) on a Linux
// App Service plan with at least two instances, an Azure Bot with the Teams channel, Blob Storage
// for state, leases and the outbox, Key Vault for credentials, Application Insights for telemetry,
// and a user-assigned managed identity that ties them together. Deployed by the Microsoft 365
// Agents Toolkit (m365agents.yml, arm/deploy) with infra/main.parameters.json; see infra/README.md.

targetScope = 'resourceGroup'

@description('Short base name for every resource: 3-11 lower-case letters and digits (e.g. thubprod).')
@minLength(3)
@maxLength(11)
param resourceBaseName string

@description('Azure region of the resources; defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Tags applied to every resource.')
param tags object = {
  application: 'transformation-hub'
  owner: 'ITU Transformation Office'
}

@description('How the bot authenticates to the Bot Framework: SingleTenant (the Entra app and its secret) or UserAssignedMSI (the managed identity, no secret).')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botType string = 'UserAssignedMSI'

@description('Client id of the Entra app that is the bot when botType is SingleTenant; ignored for UserAssignedMSI.')
param botAppId string = ''

@secure()
@description('Client secret of the bot\'s Entra app when botType is SingleTenant; stored in Key Vault, never in app settings.')
param botPassword string = ''

@description('Client id of the Entra app registration that protects the API and the tab (SSO), and calls Graph.')
@minLength(36)
@maxLength(36)
param entraClientId string

@secure()
@description('Client secret of that Entra app (on-behalf-of and Graph); stored in Key Vault. Empty: the app uses its managed identity or a certificate.')
param entraClientSecret string = ''

@description('Graph id of the SharePoint site holding the portfolio lists (host,siteCollectionId,webId).')
@minLength(1)
param sharePointSiteId string

@description('Microsoft Graph base URL; change it for national clouds.')
@allowed([
  'https://graph.microsoft.com/v1.0'
  'https://graph.microsoft.us/v1.0'
  'https://dod-graph.microsoft.us/v1.0'
  'https://microsoftgraph.chinacloudapi.cn/v1.0'
])
param graphBaseUrl string = 'https://graph.microsoft.com/v1.0'

@description('Microsoft Entra authority host the app gets its tokens from (ENTRA_AUTHORITY_HOST); defaults to the one of the Azure cloud the template is deployed to, so that it matches graphBaseUrl in a national cloud.')
param entraAuthorityHost string = environment().authentication.loginEndpoint

@description('Id of the Teams app (manifest id), used in deep links.')
@minLength(36)
@maxLength(36)
param teamsAppId string

@description('App Service plan SKU (Basic or higher: always on and health checks need it).')
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
param appServicePlanSku string = 'P0v3'

@description('Number of web app instances; at least two.')
@minValue(2)
@maxValue(10)
param instanceCount int = 2

@description('Command that starts the app on App Service (the compiled server).')
param appCommandLine string = 'node dist/bot/main.js'

@description('Azure Bot pricing tier.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Storage replication.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string = 'Standard_ZRS'

@description('Blob container for bot state, conversation references, leases and the outbox.')
@minLength(3)
@maxLength(63)
param stateContainerName string = 'transformation-hub'

@description('Days Log Analytics keeps logs and traces.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

var suffix = take(uniqueString(resourceGroup().id, resourceBaseName), 6)
var names = {
  identity: '${resourceBaseName}-id'
  plan: '${resourceBaseName}-plan'
  site: '${resourceBaseName}-app'
  bot: '${resourceBaseName}-bot'
  storage: toLower('st${resourceBaseName}${suffix}')
  keyVault: 'kv-${resourceBaseName}-${suffix}'
}
var entraSecretName = 'entra-client-secret'
var botSecretName = 'bot-password'
var singleTenant = botType == 'SingleTenant'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    baseName: resourceBaseName
    location: location
    retentionInDays: logRetentionDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    sku: storageSku
    containerName: stateContainerName
    principalId: identity.outputs.principalId
    tags: tags
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    name: names.keyVault
    location: location
    tenantId: tenant().tenantId
    principalId: identity.outputs.principalId
    entraSecretName: entraSecretName
    entraClientSecret: entraClientSecret
    botSecretName: botSecretName
    botPassword: singleTenant ? botPassword : ''
    tags: tags
  }
}

var botId = singleTenant ? botAppId : identity.outputs.clientId

// Environment of the app, named as bot/config.ts reads them. Credentials are Key Vault references.
var baseSettings = {
  NODE_ENV: 'production'
  // App Service reaches the app through its front end: listen on every interface (the app's default is
  // loopback, allowed off loopback only with a registered bot and Entra sign-in, as here), and take the
  // client address for the rate limits from the X-Forwarded-For entry the front end adds.
  HOST: '0.0.0.0'
  TRUST_PROXY: 'true'
  WEBSITE_RUN_FROM_PACKAGE: '1'
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  AUTH_MODE: 'entra'
  STORE: 'sharepoint'
  STATE_STORE: 'blob'
  SHAREPOINT_SITE_ID: sharePointSiteId
  GRAPH_BASE_URL: graphBaseUrl
  ENTRA_AUTHORITY_HOST: entraAuthorityHost
  ENTRA_TENANT_ID: tenant().tenantId
  ENTRA_CLIENT_ID: entraClientId
  BOT_ID: botId
  BOT_TYPE: botType
  BOT_TENANT_ID: tenant().tenantId
  TEAMS_APP_ID: teamsAppId
  MANAGED_IDENTITY_CLIENT_ID: identity.outputs.clientId
  AZURE_STORAGE_ACCOUNT_URL: storage.outputs.blobEndpoint
  AZURE_STORAGE_CONTAINER: storage.outputs.containerName
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
}
var entraSecretSetting = !empty(entraClientSecret)
  ? { ENTRA_CLIENT_SECRET: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${entraSecretName})' }
  : {}
var botSecretSetting = singleTenant && !empty(botPassword)
  ? { BOT_PASSWORD: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=${botSecretName})' }
  : {}

module app 'modules/app-service.bicep' = {
  name: 'app-service'
  params: {
    planName: names.plan
    siteName: names.site
    location: location
    sku: appServicePlanSku
    instanceCount: instanceCount
    identityId: identity.outputs.id
    appCommandLine: appCommandLine
    settings: union(baseSettings, entraSecretSetting, botSecretSetting)
    entraClientId: entraClientId
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: names.bot
    displayName: 'Transformation Hub'
    endpoint: 'https://${app.outputs.defaultHostName}/api/messages'
    botType: botType
    msaAppId: botId
    tenantId: tenant().tenantId
    identityResourceId: identity.outputs.id
    sku: botSku
    tags: tags
  }
}

// Outputs are written to env/.env.<name> by the Agents Toolkit (arm/deploy) and feed the app
// package (manifest/template) and the deploy step.
@description('Web app resource id, for azureAppService/zipDeploy.')
output AZURE_APP_SERVICE_RESOURCE_ID string = app.outputs.siteId

@description('Host of the bot endpoint.')
output BOT_DOMAIN string = app.outputs.defaultHostName

@description('Origin of the bot endpoint.')
output BOT_ENDPOINT string = 'https://${app.outputs.defaultHostName}'

@description('Host of the tab (same web app); also the App ID URI host and the link unfurling domain.')
output TAB_DOMAIN string = app.outputs.defaultHostName

@description('Origin of the tab.')
output TAB_ENDPOINT string = 'https://${app.outputs.defaultHostName}'

@description('Microsoft App ID of the bot (bots[0].botId in the manifest).')
output BOT_ID string = botId

@description('Client id of the managed identity.')
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId

@description('Blob endpoint of the state storage account.')
output AZURE_STORAGE_ACCOUNT_URL string = storage.outputs.blobEndpoint

@description('Name of the Key Vault holding the app\'s credentials.')
output KEY_VAULT_NAME string = keyVault.outputs.name
