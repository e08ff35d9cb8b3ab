# InfusionSuite as a Windows service (docs/operations.md). Run in an elevated PowerShell from the clone.
# The host detects the Service Control Manager (Microsoft.Extensions.Hosting.WindowsServices): it reports
# start and stop to it, logs to the Event Log, and reads appsettings.json from its own folder.
param(
    [string]$InstallDir = "C:\Program Files\InfusionSuite",
    [string]$DataDir = "C:\ProgramData\InfusionSuite"
)
$ErrorActionPreference = "Stop"
dotnet publish src/InfusionSuite.Host -c Release -r win-x64 --self-contained false -o $InstallDir
New-Item -ItemType Directory -Force -Path $DataDir | Out-Null

# Settings as machine environment variables (or edit appsettings.json in $InstallDir).
[Environment]::SetEnvironmentVariable("Storage__DatabasePath", "$DataDir\infusionsuite.db", "Machine")
[Environment]::SetEnvironmentVariable("ASPNETCORE_URLS", "http://0.0.0.0:8080", "Machine")

New-Service -Name "InfusionSuite" -DisplayName "InfusionSuite" -StartupType Automatic `
    -BinaryPathName "`"$InstallDir\InfusionSuite.Host.exe`"" `
    -Description "Scalp-cooling controllers -> SQLite -> FHIR R4"
sc.exe failure InfusionSuite reset= 86400 actions= restart/5000/restart/5000/restart/60000
Start-Service InfusionSuite
