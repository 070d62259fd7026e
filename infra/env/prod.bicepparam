using '../main.bicep'

// Public Azure: Flex Consumption and Communication Services Email (the cloud's defaults).
param environmentName = 'prod'
param cloud = 'AzureCloud'
param cosmosCapacityMode = 'Serverless'
param mailFrom = 'DoNotReply@example.invalid'
param mailFallbackRecipient = 'gongkai-ops@example.invalid'
param opsEmail = 'gongkai-ops@example.invalid'
param acsCustomDomain = ''
param sftpEnabled = true
param sftpOffices = [
  { office: 'example-office', user: 'exampleoffice' }
]
param retentionDays = 90
