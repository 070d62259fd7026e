// Everything the intake pipeline needs in one resource group. The Event Grid subscription is deployed
// after the code (modules/event-grid-subscription.bicep), by scripts/deploy.sh.
targetScope = 'resourceGroup'

@description('Short environment name (dev, prod); part of every resource name.')
@maxLength(8)
param environmentName string

param location string = resourceGroup().location

@allowed(['AzureCloud', 'AzureChinaCloud'])
@description('The cloud deployed to; picks the defaults for the plan and the mail sender.')
param cloud string = 'AzureCloud'

@allowed(['FlexConsumption', 'ElasticPremium'])
@description('Flex Consumption where offered; Elastic Premium (Linux) elsewhere, e.g. Azure operated by 21Vianet.')
param hostingPlan string = cloud == 'AzureChinaCloud' ? 'ElasticPremium' : 'FlexConsumption'

@allowed(['acs', 'smtp'])
@description('acs: Communication Services Email; smtp: an office relay, its password in Key Vault.')
param mailSender string = cloud == 'AzureChinaCloud' ? 'smtp' : 'acs'

@allowed(['Serverless', 'Provisioned'])
param cosmosCapacityMode string = 'Serverless'
param cosmosMaxThroughput int = 1000

param sftpEnabled bool = false
@description('SFTP users, one per office: [{ office: \'<office code>\', user: \'<lower-case letters and digits>\' }].')
param sftpOffices array = []
param retentionDays int = 30

param mailFrom string
param mailFallbackRecipient string
param opsEmail string

@description('Communication Services data location (acs only).')
param acsDataLocation string = 'United States'
@description('Custom mail domain for Communication Services; empty for the Azure-managed domain.')
param acsCustomDomain string = ''

param smtpHost string = ''
param smtpPort int = 587
param smtpUserName string = ''
@allowed(['none', 'starttls', 'ssl'])
param smtpSecurity string = 'starttls'
param smtpPasswordSecretName string = 'smtp-password'

param publicBaseUrl string = ''
param checkTimeoutSeconds int = 180
@description('X-DUPLICATE thresholds (shares 0–1, as text): a section repeating last year\'s report, a text repeating another body\'s.')
param duplicateThreshold string = '0.5'
param otherBodyThreshold string = '0.5'
param maximumInstanceCount int = 40

var suffix = uniqueString(resourceGroup().id, environmentName)
var prefix = 'gip-${environmentName}'
// Names are fixed before anything is deployed, so that What-If sees every resource (no runtime names).
var names = {
  identity: '${prefix}-id'
  workspace: '${prefix}-logs'
  appInsights: '${prefix}-appi'
  dropStorage: take('gipdrop${environmentName}${suffix}', 24)
  hostStorage: take('giphost${environmentName}${suffix}', 24)
  cosmos: '${prefix}-cosmos-${suffix}'
  documentIntelligence: '${prefix}-di-${suffix}'
  communication: '${prefix}-acs-${suffix}'
  emailService: '${prefix}-email-${suffix}'
  keyVault: take('gip-${environmentName}-kv-${suffix}', 24)
  plan: '${prefix}-plan'
  functionApp: '${prefix}-func-${suffix}'
  systemTopic: '${prefix}-drop-events'
}
var deadLetterContainerName = 'eventgrid-deadletter'
var tags = {
  application: 'gov-info-disclosure-pipeline'
  environment: environmentName
  cloud: cloud
  'azd-env-name': environmentName
}

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
  dependsOn: [identity]
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    tags: tags
    identityName: names.identity
  }
}

module dropStorage 'modules/drop-storage.bicep' = {
  name: 'drop-storage'
  dependsOn: [identity]
  params: {
    name: names.dropStorage
    location: location
    tags: tags
    identityName: names.identity
    sftpEnabled: sftpEnabled
    sftpOffices: sftpOffices
    retentionDays: retentionDays
    deadLetterContainerName: deadLetterContainerName
    workspaceId: monitoring.outputs.workspaceId
  }
}

module hostStorage 'modules/host-storage.bicep' = {
  name: 'host-storage'
  dependsOn: [identity]
  params: {
    name: names.hostStorage
    location: location
    tags: tags
    identityName: names.identity
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  dependsOn: [identity]
  params: {
    name: names.cosmos
    location: location
    tags: tags
    identityName: names.identity
    capacityMode: cosmosCapacityMode
    maxThroughput: cosmosMaxThroughput
  }
}

module documentIntelligence 'modules/document-intelligence.bicep' = {
  name: 'document-intelligence'
  dependsOn: [identity]
  params: {
    name: names.documentIntelligence
    location: location
    tags: tags
    identityName: names.identity
  }
}

module mailAcs 'modules/mail-acs.bicep' = if (mailSender == 'acs') {
  name: 'mail-acs'
  dependsOn: [identity]
  params: {
    communicationName: names.communication
    emailServiceName: names.emailService
    tags: tags
    identityName: names.identity
    dataLocation: acsDataLocation
    customDomain: acsCustomDomain
  }
}

module mailSmtpVault 'modules/mail-smtp-vault.bicep' = if (mailSender == 'smtp') {
  name: 'mail-smtp-vault'
  dependsOn: [identity]
  params: {
    name: names.keyVault
    location: location
    tags: tags
    identityName: names.identity
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  dependsOn: [identity, hostStorage, dropStorage, documentIntelligence, monitoring]
  params: {
    planName: names.plan
    appName: names.functionApp
    location: location
    tags: union(tags, { 'azd-service-name': 'functions' })
    hostingPlan: hostingPlan
    identityName: names.identity
        hostStorageName: names.hostStorage
    dropStorageName: names.dropStorage
    cosmosName: names.cosmos
    cosmosDatabaseName: cosmos.outputs.databaseName
    documentIntelligenceName: names.documentIntelligence
    appInsightsName: names.appInsights
    mailSender: mailSender
    mailFrom: mailFrom
    mailFallbackRecipient: mailFallbackRecipient
    acsEndpoint: mailSender == 'acs' ? mailAcs!.outputs.endpoint : ''
    communicationAudience: mailSender == 'acs' ? mailAcs!.outputs.audience : ''
    vaultUri: mailSender == 'smtp' ? mailSmtpVault!.outputs.vaultUri : ''
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpUserName: smtpUserName
    smtpSecurity: smtpSecurity
    smtpPasswordSecretName: smtpPasswordSecretName
    publicBaseUrl: publicBaseUrl
    checkTimeoutSeconds: checkTimeoutSeconds
    duplicateThreshold: duplicateThreshold
    otherBodyThreshold: otherBodyThreshold
    maximumInstanceCount: maximumInstanceCount
  }
}

module eventGridTopic 'modules/event-grid-topic.bicep' = {
  name: 'event-grid-topic'
  dependsOn: [dropStorage]
  params: {
    name: names.systemTopic
    location: location
    tags: tags
    dropStorageName: names.dropStorage
    deadLetterContainerName: deadLetterContainerName
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    namePrefix: prefix
    location: location
    tags: tags
    workspaceId: monitoring.outputs.workspaceId
    appInsightsId: monitoring.outputs.appInsightsId
    opsEmail: opsEmail
  }
}

// Names and endpoints only: nothing here is a secret.
output AZURE_LOCATION string = location
output hostingPlan string = hostingPlan
output mailSender string = mailSender
output functionAppName string = functionApp.outputs.name
output functionAppHostName string = functionApp.outputs.defaultHostName
output packageUrl string = functionApp.outputs.packageUrl
output hostStorageName string = hostStorage.outputs.name
output dropStorageName string = dropStorage.outputs.name
output deadLetterContainerName string = dropStorage.outputs.deadLetterContainerName
output systemTopicName string = eventGridTopic.outputs.name
output cosmosEndpoint string = cosmos.outputs.endpoint
output keyVaultName string = mailSender == 'smtp' ? mailSmtpVault!.outputs.name : ''
