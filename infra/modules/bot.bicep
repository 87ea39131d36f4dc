// Azure Bot registration (single-tenant app or user-assigned managed identity; multi-tenant bot
// creation is deprecated) and its Microsoft Teams channel.

@description('Name of the Azure Bot resource.')
param name string

@description('Display name shown in the Bot Framework portal.')
@maxLength(42)
param displayName string

@description('Messaging endpoint, https://<host>/api/messages.')
param endpoint string

@description('How the bot authenticates: an Entra app with a secret in one tenant, or the managed identity.')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botType string

@description('Microsoft App ID of the bot: the Entra app client id, or the managed identity client id.')
param msaAppId string

@description('Tenant of the bot identity.')
param tenantId string

@description('Resource id of the managed identity (used when botType is UserAssignedMSI).')
param identityResourceId string

@description('Pricing tier; Teams is a standard channel, free on F0.')
@allowed([
  'F0'
  'S1'
])
param sku string

@description('Tags applied to the bot.')
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: msaAppId
    msaAppType: botType
    msaAppTenantId: tenantId
    msaAppMSIResourceId: botType == 'UserAssignedMSI' ? identityResourceId : null
    disableLocalAuth: false
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Name of the Azure Bot resource.')
output name string = bot.name
