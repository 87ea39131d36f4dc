// Key Vault with Azure RBAC. Holds the credentials the app needs (the Entra app's client secret,
// and the bot's password when the bot is single-tenant); the web app reads them through Key Vault
// references with its managed identity, which gets "Key Vault Secrets User" on the vault.

@description('Key Vault name: 3-24 letters, digits and hyphens, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Entra tenant that owns the vault.')
param tenantId string

@description('Object id of the managed identity that reads the secrets.')
param principalId string

@description('Name of the secret holding the Entra app client secret (ENTRA_CLIENT_SECRET).')
param entraSecretName string

@secure()
@description('Entra app client secret; empty: no secret is stored (certificate or managed identity only).')
param entraClientSecret string

@description('Name of the secret holding the bot password (BOT_PASSWORD).')
param botSecretName string

@secure()
@description('Bot app password; empty when the bot runs as a user-assigned managed identity.')
param botPassword string

@description('Tags applied to the vault.')
param tags object

// Built-in role "Key Vault Secrets User".
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource entraSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(entraClientSecret)) {
  parent: vault
  name: entraSecretName
  properties: {
    value: entraClientSecret
    contentType: 'Entra app client secret'
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botPassword)) {
  parent: vault
  name: botSecretName
  properties: {
    value: botPassword
    contentType: 'Bot Framework app password'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, secretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

@description('Name of the vault.')
output name string = vault.name
