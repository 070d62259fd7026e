// The Functions app: Flex Consumption by default, Elastic Premium (Linux) where Flex is not offered.
// Every connection is identity-based; every endpoint and audience comes from the resources or environment().
param planName string
param appName string
param location string
param tags object

@allowed(['FlexConsumption', 'ElasticPremium'])
param hostingPlan string

@description('The app\'s user-assigned identity.')
param identityName string

param hostStorageName string
param dropStorageName string
param cosmosName string
param cosmosDatabaseName string
param documentIntelligenceName string
param appInsightsName string

@allowed(['acs', 'smtp'])
param mailSender string
param mailFrom string
param mailFallbackRecipient string
@description('Communication Services endpoint (acs only).')
param acsEndpoint string
@description('Entra audience of Communication Services (acs only).')
param communicationAudience string
@description('Key Vault URI holding the SMTP password secret (smtp only).')
param vaultUri string
param smtpHost string
param smtpPort int
param smtpUserName string
@allowed(['none', 'starttls', 'ssl'])
param smtpSecurity string
@description('Name of the Key Vault secret with the SMTP password; ops set its value, the template never sees it.')
param smtpPasswordSecretName string

@description('Base of the links in emails; empty for the app\'s own address.')
param publicBaseUrl string
param checkTimeoutSeconds int
@description('X-DUPLICATE: share (0–1, as text: Bicep has no decimals) of a section repeating the body\'s previous report that warns.')
param duplicateThreshold string
@description('X-DUPLICATE: share (0–1, as text) of the text repeating another body\'s report of the same year that warns.')
param otherBodyThreshold string
param maximumInstanceCount int

var isFlex = hostingPlan == 'FlexConsumption'
var packageBlobName = 'functions.zip'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource hostStorage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: hostStorageName
}

resource dropStorage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: dropStorageName
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2025-04-15' existing = {
  name: cosmosName
}

resource documentIntelligence 'Microsoft.CognitiveServices/accounts@2025-06-01' existing = {
  name: documentIntelligenceName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: isFlex ? 'functionapp' : 'elastic'
  sku: isFlex ? { name: 'FC1', tier: 'FlexConsumption' } : { name: 'EP1', tier: 'ElasticPremium' }
  properties: {
    reserved: true
    maximumElasticWorkerCount: isFlex ? null : maximumInstanceCount
  }
}

var deploymentContainerUrl = '${hostStorage.properties.primaryEndpoints.blob}deployments'

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      linuxFxVersion: isFlex ? null : 'DOTNET-ISOLATED|10.0'
    }
    functionAppConfig: isFlex
      ? {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: deploymentContainerUrl
              authentication: {
                type: 'UserAssignedIdentity'
                userAssignedIdentityResourceId: identity.id
              }
            }
          }
          runtime: { name: 'dotnet-isolated', version: '10.0' }
          scaleAndConcurrency: {
            maximumInstanceCount: maximumInstanceCount
            instanceMemoryMB: 2048
          }
        }
      : null
  }
}

// Basic-auth publishing is a shared secret: off.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

// Token audiences: from the resources' own endpoints, so that each cloud's comes out right.
var cosmosHost = split(split(cosmos.properties.documentEndpoint, '//')[1], ':')[0]
var documentIntelligenceHost = split(split(documentIntelligence.properties.endpoint, '//')[1], '/')[0]
var cognitiveServicesSuffix = join(skip(split(documentIntelligenceHost, '.'), 1), '.')

var commonSettings = {
  AzureWebJobsStorage__blobServiceUri: hostStorage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: hostStorage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: hostStorage.properties.primaryEndpoints.table
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  DropStorage__blobServiceUri: dropStorage.properties.primaryEndpoints.blob
  DropStorage__queueServiceUri: dropStorage.properties.primaryEndpoints.queue
  DropStorage__credential: 'managedidentity'
  DropStorage__clientId: identity.properties.clientId
  CosmosDb__accountEndpoint: cosmos.properties.documentEndpoint
  CosmosDb__database: cosmosDatabaseName
  CosmosDb__credential: 'managedidentity'
  CosmosDb__clientId: identity.properties.clientId
  AZURE_CLIENT_ID: identity.properties.clientId
  Cloud__AuthorityHost: environment().authentication.loginEndpoint
  // Storage's Entra audience is one global name, also in Azure China; the resource-manager audience is per cloud.
  Cloud__StorageAudience: 'https://storage.azure.com/.default'
  Cloud__CosmosAudience: 'https://${cosmosHost}/.default'
  Cloud__DocumentIntelligenceAudience: 'https://${cognitiveServicesSuffix}/.default'
  DocumentIntelligence__Endpoint: documentIntelligence.properties.endpoint
  Mail__Sender: mailSender
  Mail__From: mailFrom
  Mail__FallbackRecipient: mailFallbackRecipient
  PublicBaseUrl: empty(publicBaseUrl) ? 'https://${app.properties.defaultHostName}' : publicBaseUrl
  Check__TimeoutSeconds: string(checkTimeoutSeconds)
  CrossReport__DuplicateThreshold: duplicateThreshold
  CrossReport__OtherBodyThreshold: otherBodyThreshold
  // Not a secret: with local auth off, ingestion also needs the identity's Entra token.
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.properties.clientId}'
}

var acsSettings = {
  Mail__Acs__Endpoint: acsEndpoint
  Cloud__CommunicationAudience: communicationAudience
}

var smtpSettings = {
  Mail__Smtp__Host: smtpHost
  Mail__Smtp__Port: string(smtpPort)
  Mail__Smtp__UserName: smtpUserName
  Mail__Smtp__Security: smtpSecurity
  Mail__Smtp__Password: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${smtpPasswordSecretName}/)'
}

// Elastic Premium runs the package from a blob the identity reads; Flex rejects these settings.
var premiumSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
  WEBSITE_RUN_FROM_PACKAGE: '${deploymentContainerUrl}/${packageBlobName}'
  WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID: identity.id
}

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: app
  name: 'appsettings'
  properties: union(
    commonSettings,
    mailSender == 'acs' ? acsSettings : smtpSettings,
    isFlex ? {} : premiumSettings
  )
}

output name string = app.name
output id string = app.id
output defaultHostName string = app.properties.defaultHostName
output packageUrl string = isFlex ? '' : '${deploymentContainerUrl}/${packageBlobName}'
