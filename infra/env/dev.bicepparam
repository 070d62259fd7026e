using '../main.bicep'

param environmentName = 'dev'
param cloud = 'AzureCloud'
param mailFrom = 'DoNotReply@example.invalid'
param mailFallbackRecipient = 'gongkai-ops@example.invalid'
param opsEmail = 'gongkai-ops@example.invalid'
param sftpEnabled = false
param maximumInstanceCount = 10
