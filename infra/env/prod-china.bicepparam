using '../main.bicep'

// Azure operated by 21Vianet: Elastic Premium and an SMTP relay (the cloud's defaults).
// Check the region's product list before deploying: if Flex Consumption is offered, hostingPlan may be set.
param environmentName = 'prodcn'
param cloud = 'AzureChinaCloud'
param cosmosCapacityMode = 'Provisioned'
param cosmosMaxThroughput = 1000
param mailFrom = 'gongkai-noreply@example.invalid'
param mailFallbackRecipient = 'gongkai-ops@example.invalid'
param opsEmail = 'gongkai-ops@example.invalid'
param smtpHost = 'smtp.example.invalid'
param smtpPort = 465
param smtpUserName = 'gongkai-noreply@example.invalid'
param smtpSecurity = 'ssl'
param sftpEnabled = true
param sftpOffices = [
  { office: 'example-office', user: 'exampleoffice' }
]
param retentionDays = 90
