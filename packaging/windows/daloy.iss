; Inno Setup script for Daloy on Windows. Build on Windows after `python packaging\build.py`:
;   iscc /DAppVersion=0.1.0 packaging\windows\daloy.iss
; Output: dist\DaloySetup-<version>.exe. Not built or tested on Linux (see README).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{8B5C1E7A-3D2F-4B8E-9F1A-0DA10E000001}
AppName=Daloy
AppVersion={#AppVersion}
AppPublisher=Daloy
DefaultDirName={autopf}\Daloy
DefaultGroupName=Daloy
OutputDir=..\..\dist
OutputBaseFilename=DaloySetup-{#AppVersion}
SetupIconFile=..\..\resources\icons\daloy.ico
UninstallDisplayIcon={app}\daloy.exe
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked
Name: "startatlogin"; Description: "Start Daloy when I log in (it waits in the tray)"

[Files]
Source: "..\..\dist\daloy\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\Daloy"; Filename: "{app}\daloy.exe"
Name: "{group}\Uninstall Daloy"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Daloy"; Filename: "{app}\daloy.exe"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; \
  ValueName: "Daloy"; ValueData: """{app}\daloy.exe"""; Flags: uninsdeletevalue; Tasks: startatlogin

[Run]
Filename: "{app}\daloy.exe"; Description: "Start Daloy now"; Flags: nowait postinstall skipifsilent

[Code]
{ The operator's data (orders, workflows, logs) lives in %LOCALAPPDATA%\Daloy and is kept on
  uninstall unless the operator asks for it to be removed. Secrets stay in Credential Manager
  under "daloy" and are removed only with the data. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\Daloy');
    if DirExists(DataDir) then
      if MsgBox('Also delete your Daloy data (orders, workflows, logs) in ' + DataDir + '?',
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
