<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fil">
<context>
    <name>ConnectionForm</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Send as (email address)</source>
        <translation>Ipadala bilang (email address)</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA certificate file</translation>
    </message>
    <message>
        <source>Address (base URL)</source>
        <translation>Address (base URL)</translation>
    </message>
    <message>
        <source>Send the token in</source>
        <translation>Ipadala ang token sa</translation>
    </message>
    <message>
        <source>Token prefix</source>
        <translation>Prefix ng token</translation>
    </message>
    <message>
        <source>Database address</source>
        <translation>Address ng database</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>e.g. mail.example.com</source>
        <translation>hal. mail.example.com</translation>
    </message>
    <message>
        <source>only for a server with its own certificate</source>
        <translation>para lang sa server na may sariling certificate</translation>
    </message>
    <message>
        <source>usually the full address</source>
        <translation>karaniwan ang buong address</translation>
    </message>
    <message>
        <source>e.g. postgresql://db.example.com/shop</source>
        <translation>hal. postgresql://db.example.com/shop</translation>
    </message>
    <message>
        <source>None (the token alone)</source>
        <translation>Wala (ang token lang)</translation>
    </message>
    <message>
        <source>Email provider</source>
        <translation>Email provider</translation>
    </message>
    <message>
        <source>saved in the keyring — type to replace</source>
        <translation>naka-save sa keyring — mag-type para palitan</translation>
    </message>
    <message>
        <source>kept in the system keyring, never in Daloy&apos;s files</source>
        <translation>nasa system keyring, hindi kailanman sa mga file ng Daloy</translation>
    </message>
    <message>
        <source>the usual one</source>
        <translation>ang karaniwan</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pumili…</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Mga certificate (*.pem *.crt *.cer);;Lahat ng file (*)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalye</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Itago ang detalye</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>This workflow has no steps yet.
Drag a step from the list on the left onto the canvas, or import a workflow file (More ▸ Import…).</source>
        <translation>Wala pang hakbang ang workflow na ito.
Mag-drag ng hakbang mula sa listahan sa kaliwa papunta sa canvas, o mag-import ng workflow file (Iba pa ▸ I-import…).</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>May mga pagbabagong hindi pa naka-save.</translation>
    </message>
    <message>
        <source>Add {step}</source>
        <translation>Idagdag ang {step}</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>Alisin ang koneksyon</translation>
    </message>
    <message>
        <source>Connect steps</source>
        <translation>Ikonekta ang mga hakbang</translation>
    </message>
    <message>
        <source>Delete {n} steps</source>
        <translation>Burahin ang {n} hakbang</translation>
    </message>
    <message>
        <source>Delete {step}</source>
        <translation>Burahin ang {step}</translation>
    </message>
    <message>
        <source>Change {step}</source>
        <translation>Baguhin ang {step}</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Ilipat</translation>
    </message>
    <message>
        <source>Insert {step}</source>
        <translation>Isingit ang {step}</translation>
    </message>
    <message>
        <source>Paste {n} steps</source>
        <translation>I-paste ang {n} hakbang</translation>
    </message>
    <message>
        <source>Paste a step</source>
        <translation>Mag-paste ng hakbang</translation>
    </message>
    <message>
        <source>Rename {step}</source>
        <translation>Palitan ang pangalan ng {step}</translation>
    </message>
    <message>
        <source>Change where orders come from</source>
        <translation>Baguhin kung saan galing ang mga order</translation>
    </message>
    <message>
        <source>Change the order key</source>
        <translation>Baguhin ang order key</translation>
    </message>
    <message>
        <source>Change the order total</source>
        <translation>Baguhin ang kabuuan ng order</translation>
    </message>
    <message>
        <source>Change the sample order</source>
        <translation>Baguhin ang sample order</translation>
    </message>
    <message>
        <source>Change the description</source>
        <translation>Baguhin ang paglalarawan</translation>
    </message>
    <message>
        <source>A saved connection; its secrets stay in the system keyring.</source>
        <translation>Naka-save na koneksyon; nasa system keyring ang mga lihim nito.</translation>
    </message>
    <message>
        <source>“{label}” is not valid JSON: {error}</source>
        <translation>Hindi wastong JSON ang “{label}”: {error}</translation>
    </message>
    <message>
        <source>draft only · not published</source>
        <translation>draft pa lang</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>naka-archive</translation>
    </message>
    <message>
        <source>on</source>
        <translation>naka-on</translation>
    </message>
    <message>
        <source>off</source>
        <translation>naka-off</translation>
    </message>
    <message>
        <source>version {version} · {state}</source>
        <translation>version {version} · {state}</translation>
    </message>
    <message>
        <source> · draft</source>
        <translation> · may draft</translation>
    </message>
    <message>
        <source>New workflow</source>
        <translation>Bagong workflow</translation>
    </message>
    <message>
        <source>Name of the new workflow:</source>
        <translation>Pangalan ng bagong workflow:</translation>
    </message>
    <message>
        <source>A workflow called “{name}” already exists; open it from the list, or choose another name.</source>
        <translation>May workflow nang “{name}” ang pangalan; buksan ito mula sa listahan, o pumili ng ibang pangalan.</translation>
    </message>
    <message>
        <source>New workflow “{name}”: drag steps onto the canvas, choose where its orders come from on the right, then Save the draft and Publish it.</source>
        <translation>Bagong workflow na “{name}”: mag-drag ng mga hakbang sa canvas, piliin sa kanan kung saan galing ang mga order nito, saka i-save ang draft at i-publish ito.</translation>
    </message>
    <message>
        <source>starting “{name}”</source>
        <translation>magsimula ng “{name}”</translation>
    </message>
    <message>
        <source>Rename workflow</source>
        <translation>Palitan ang pangalan ng workflow</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Bagong pangalan:</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (kopya)</translation>
    </message>
    <message>
        <source>making a copy</source>
        <translation>gumawa ng kopya</translation>
    </message>
    <message>
        <source>“{name}” archived.</source>
        <translation>Na-archive ang “{name}”.</translation>
    </message>
    <message>
        <source>Taking orders</source>
        <translation>Naka-on</translation>
    </message>
    <message>
        <source>Switched off</source>
        <translation>Naka-off</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>Hindi pa live</translation>
    </message>
    <message>
        <source>Switched on: takes orders from its triggers. Click to switch it off.</source>
        <translation>Naka-on: tumatanggap ng order mula sa mga trigger nito. I-click para i-off.</translation>
    </message>
    <message>
        <source>Switched off: takes no new orders. Click to switch it on.</source>
        <translation>Naka-off: hindi tumatanggap ng bagong order. I-click para i-on.</translation>
    </message>
    <message>
        <source>Publish the workflow before switching it on.</source>
        <translation>I-publish muna ang workflow bago ito i-on.</translation>
    </message>
    <message>
        <source>Publish the workflow first; then it can be switched on.</source>
        <translation>I-publish muna ang workflow; saka ito puwedeng i-on.</translation>
    </message>
    <message>
        <source>Switch off?</source>
        <translation>I-off?</translation>
    </message>
    <message>
        <source>Switch off “{name}”? It takes no new orders until you switch it on again; orders already started carry on.</source>
        <translation>I-off ang “{name}”? Hindi ito tatanggap ng bagong order hanggang i-on mo ulit; tuloy ang mga order na nasimulan na.</translation>
    </message>
    <message>
        <source>Switch it off</source>
        <translation>I-off ito</translation>
    </message>
    <message>
        <source>Keep it on</source>
        <translation>Panatilihing naka-on</translation>
    </message>
    <message>
        <source>“{name}” switched on.</source>
        <translation>Naka-on na ang “{name}”.</translation>
    </message>
    <message>
        <source>“{name}” switched off.</source>
        <translation>Naka-off na ang “{name}”.</translation>
    </message>
    <message>
        <source>Imported “{name}”; Save keeps it as a draft, Publish makes it take orders.</source>
        <translation>Na-import ang “{name}”; sa I-save, mananatili itong draft; sa I-publish, tatanggap na ito ng order.</translation>
    </message>
    <message>
        <source>opening the imported “{name}”</source>
        <translation>buksan ang na-import na “{name}”</translation>
    </message>
    <message>
        <source>Could not import {path}: {error}</source>
        <translation>Hindi ma-import ang {path}: {error}</translation>
    </message>
    <message>
        <source>Import workflow</source>
        <translation>I-import ang workflow</translation>
    </message>
    <message>
        <source>Workflow (*.json)</source>
        <translation>Workflow (*.json)</translation>
    </message>
    <message>
        <source>Export workflow</source>
        <translation>I-export ang workflow</translation>
    </message>
    <message>
        <source>Exported to {path} (connection names only, never secrets).</source>
        <translation>Na-export sa {path} (pangalan lang ng mga koneksyon, hindi kailanman ang mga lihim).</translation>
    </message>
    <message>
        <source>Could not export to {path}: {error}</source>
        <translation>Hindi ma-export sa {path}: {error}</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Mga workflow</translation>
    </message>
    <message>
        <source>Steps — drag onto the canvas</source>
        <translation>Mga hakbang — i-drag sa canvas</translation>
    </message>
    <message>
        <source>{name}
not saved yet</source>
        <translation>{name}
hindi pa naka-save</translation>
    </message>
    <message>
        <source>opening “{name}”</source>
        <translation>buksan ang “{name}”</translation>
    </message>
    <message>
        <source>“{source}” is already connected to “{target}” from “{port}”.</source>
        <translation>Nakakonekta na ang “{source}” sa “{target}” mula sa “{port}”.</translation>
    </message>
    <message>
        <source>Connecting “{source}” to “{target}” would make a loop; a workflow runs forward only.</source>
        <translation>Magiging paikot ang workflow kapag ikinonekta ang “{source}” sa “{target}”; pasulong lang tumatakbo ang workflow.</translation>
    </message>
    <message>
        <source>Delete connections</source>
        <translation>Burahin ang mga koneksyon</translation>
    </message>
    <message>
        <source>Change settings</source>
        <translation>Baguhin ang mga setting</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Palitan ang pangalan</translation>
    </message>
    <message>
        <source>Duplicate step</source>
        <translation>Doblehin ang hakbang</translation>
    </message>
    <message>
        <source>Delete step</source>
        <translation>Burahin ang hakbang</translation>
    </message>
    <message>
        <source>Duplicate {step}</source>
        <translation>Doblehin ang {step}</translation>
    </message>
    <message>
        <source>“{step}” is now called “{new}” in templates; every reference to it was updated.</source>
        <translation>“{new}” na ang tawag sa “{step}” sa mga template; na-update ang bawat pagbanggit dito.</translation>
    </message>
    <message>
        <source>The clipboard holds no Daloy steps.</source>
        <translation>Walang hakbang ng Daloy sa clipboard.</translation>
    </message>
    <message>
        <source>“{name}” was not saved: {error}</source>
        <translation>Hindi na-save ang “{name}”: {error}</translation>
    </message>
    <message>
        <source>“{new}” cannot name the step “{step}”: a step name starts with a small letter and uses only small letters, digits and _ (templates use it as steps.&lt;name&gt;).</source>
        <translation>Hindi puwedeng “{new}” ang pangalan ng hakbang na “{step}”: nagsisimula sa maliit na letra ang pangalan ng hakbang at maliliit na letra, numero at _ lang ang gamit (ginagamit ito ng mga template bilang steps.&lt;name&gt;).</translation>
    </message>
    <message>
        <source>“{new}” cannot name a step: in a template, steps.{new} means something built in. Try “{new}_step”.</source>
        <translation>Hindi puwedeng pangalan ng hakbang ang “{new}”: sa template, may built-in na kahulugan ang steps.{new}. Subukan ang “{new}_step”.</translation>
    </message>
    <message>
        <source>Another step (“{other}”) is already called “{new}”; choose another name.</source>
        <translation>May ibang hakbang (“{other}”) na “{new}” na ang pangalan; pumili ng ibang pangalan.</translation>
    </message>
    <message>
        <source>Draft — not taking orders yet; it has never been published. Publish it to start taking orders.</source>
        <translation>Draft — hindi pa tumatanggap ng order; hindi pa ito kailanman na-publish. I-publish ito para magsimulang tumanggap ng order.</translation>
    </message>
    <message>
        <source>Draft — not taking orders yet; the live version {version} keeps running until you publish.</source>
        <translation>Draft — hindi pa tumatanggap ng order; patuloy na tumatakbo ang live na version {version} hanggang mag-publish ka.</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Na-save ang draft</translation>
    </message>
    <message>
        <source>Draft saved with 1 problem (fix it before publishing)</source>
        <translation>Na-save ang draft na may 1 problema (ayusin ito bago i-publish)</translation>
    </message>
    <message>
        <source>Draft saved with {n} problems (fix them before publishing)</source>
        <translation>Na-save ang draft na may {n} problema (ayusin ang mga ito bago i-publish)</translation>
    </message>
    <message>
        <source>the live version {version} keeps taking orders</source>
        <translation>tuloy ang pagtanggap ng order ng live na version {version}</translation>
    </message>
    <message>
        <source>it takes no orders until you publish it</source>
        <translation>hindi ito tatanggap ng order hanggang i-publish mo</translation>
    </message>
    <message>
        <source>{saved}; {kept}.</source>
        <translation>{saved}; {kept}.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Mga pagbabagong hindi pa naka-save</translation>
    </message>
    <message>
        <source>“{name}” has changes that are not saved yet. Save them before {doing}?</source>
        <translation>May mga pagbabago sa “{name}” na hindi pa naka-save. I-save muna bago {doing}?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Itapon ang mga pagbabago</translation>
    </message>
    <message>
        <source>unknown type {type}</source>
        <translation>hindi kilalang uri na {type}</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Bago</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>I-save</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>I-publish…</translation>
    </message>
    <message>
        <source>Make the draft the version that takes orders (shows what changes first).</source>
        <translation>Gawing version na tumatanggap ng order ang draft (ipinapakita muna kung ano ang magbabago).</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Subukan</translation>
    </message>
    <message>
        <source>On the sample order</source>
        <translation>Sa sample order</translation>
    </message>
    <message>
        <source>On a past order…</source>
        <translation>Sa isang lumang order…</translation>
    </message>
    <message>
        <source>Replay on past orders…</source>
        <translation>I-replay sa mga lumang order…</translation>
    </message>
    <message>
        <source>Run the workflow as it is on the canvas on its sample order, as a practice run (nothing is sent). The arrow: on a past order.</source>
        <translation>Patakbuhin ang workflow gaya ng nasa canvas sa sample order nito, bilang practice run (walang ipapadala). Ang arrow: sa isang lumang order.</translation>
    </message>
    <message>
        <source>Run the workflow as it is on the canvas on the last orders, as practice runs, and see which would go differently.</source>
        <translation>Patakbuhin ang workflow gaya ng nasa canvas sa mga huling order, bilang practice run, at tingnan kung alin ang iba ang kalalabasan.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>I-undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>I-redo</translation>
    </message>
    <message>
        <source>Tidy up</source>
        <translation>Ayusin</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>I-fit</translation>
    </message>
    <message>
        <source>Rename workflow…</source>
        <translation>Palitan ang pangalan ng workflow…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Doblehin</translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation>Mga version…</translation>
    </message>
    <message>
        <source>Discard draft…</source>
        <translation>Itapon ang draft…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>I-archive</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>I-import…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>I-export…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopyahin</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>I-paste</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Burahin</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Iba pa</translation>
    </message>
    <message>
        <source>Find a step…</source>
        <translation>Maghanap ng hakbang…</translation>
    </message>
    <message>
        <source>Select a step to change its settings, or drag one from the list on the left.</source>
        <translation>Pumili ng hakbang para baguhin ang mga setting nito, o mag-drag ng isa mula sa listahan sa kaliwa.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Pamagat</translation>
    </message>
    <message>
        <source>Other steps refer to this step&apos;s result as steps.&lt;name&gt;.output; renaming updates them all.</source>
        <translation>Tinutukoy ng ibang hakbang ang resulta ng hakbang na ito bilang steps.&lt;name&gt;.output; kapag pinalitan ang pangalan, maa-update silang lahat.</translation>
    </message>
    <message>
        <source>Name in templates</source>
        <translation>Pangalan sa mga template</translation>
    </message>
    <message>
        <source>&lt;b&gt;When it fails&lt;/b&gt; &lt;span style=&apos;color:#6b7280&apos;&gt;(empty: the step&apos;s default)&lt;/span&gt;</source>
        <translation>&lt;b&gt;Kapag pumalya&lt;/b&gt; &lt;span style=&apos;color:#6b7280&apos;&gt;(walang laman: ang default ng hakbang)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>“{label}” must be a number.</source>
        <translation>Dapat numero ang “{label}”.</translation>
    </message>
</context>
<context>
    <name>EditorPractice</name>
    <message>
        <source>Nothing was sent: this is a practice run. It would send:</source>
        <translation>Walang ipinadala: practice run ito. Ito ang ipapadala nito:</translation>
    </message>
    <message>
        <source>Practice run: {state}</source>
        <translation>Practice run: {state}</translation>
    </message>
    <message>
        <source>Trying needs the engine, which is not running in this window.</source>
        <translation>Kailangan ng engine para sumubok, at hindi ito tumatakbo sa window na ito.</translation>
    </message>
    <message>
        <source>practice run of order {order}</source>
        <translation>practice run ng order {order}</translation>
    </message>
    <message>
        <source>practice run started {time}</source>
        <translation>practice run na nagsimula noong {time}</translation>
    </message>
    <message>
        <source>Trying it on the past order ({run}): steps that act on the outside world only record what they would send. Select a step to see its result.</source>
        <translation>Sinusubukan sa lumang order ({run}): itinatala lang ng mga hakbang na kumikilos sa labas ang ipapadala sana nila. Pumili ng hakbang para makita ang resulta nito.</translation>
    </message>
    <message>
        <source>Trying it on the sample order ({run}): steps that act on the outside world only record what they would send. Select a step to see its result.</source>
        <translation>Sinusubukan sa sample order ({run}): itinatala lang ng mga hakbang na kumikilos sa labas ang ipapadala sana nila. Pumili ng hakbang para makita ang resulta nito.</translation>
    </message>
    <message>
        <source>Try “{name}” on a past order</source>
        <translation>Subukan ang “{name}” sa isang lumang order</translation>
    </message>
    <message>
        <source>Choose an order: the workflow as it is on the canvas runs on what that order brought in, with the steps that act on the outside world stubbed. The order itself is not touched.</source>
        <translation>Pumili ng order: tatakbo ang workflow gaya ng nasa canvas sa dala ng order na iyon, at hindi talaga kikilos ang mga hakbang na kumikilos sa labas. Hindi gagalawin ang order mismo.</translation>
    </message>
    <message>
        <source>“{name}” has no past orders yet; try it on the sample order.</source>
        <translation>Wala pang lumang order ang “{name}”; subukan ito sa sample order.</translation>
    </message>
    <message>
        <source>Order {order}</source>
        <translation>Order {order}</translation>
    </message>
    <message>
        <source>Try it on this order</source>
        <translation>Subukan sa order na ito</translation>
    </message>
    <message>
        <source>“{name}” has no past orders to replay yet.</source>
        <translation>Wala pang lumang order ang “{name}” na mare-replay.</translation>
    </message>
    <message>
        <source>The order would go exactly as it did.</source>
        <translation>Pareho ang kalalabasan ng order.</translation>
    </message>
    <message>
        <source>All {n} orders would go exactly as they did.</source>
        <translation>Pareho ang kalalabasan ng lahat ng {n} order.</translation>
    </message>
    <message>
        <source>1 of 1 order would go differently.</source>
        <translation>Iba ang kalalabasan ng 1 sa 1 order.</translation>
    </message>
    <message>
        <source>{d} of {n} orders would go differently.</source>
        <translation>Iba ang kalalabasan ng {d} sa {n} order.</translation>
    </message>
    <message>
        <source>Replay “{name}” on past orders</source>
        <translation>I-replay ang “{name}” sa mga lumang order</translation>
    </message>
    <message>
        <source>Runs the workflow as it is on the canvas (saved or not) on the last orders, as practice runs: nothing is sent, charged or published. Then it lists the orders that would go differently from what the live version did.</source>
        <translation>Pinapatakbo ang workflow gaya ng nasa canvas (naka-save man o hindi) sa mga huling order, bilang practice run: walang ipapadala, sisingilin o ipa-publish. Saka nito ililista ang mga order na iba ang kalalabasan kaysa sa ginawa ng live na version.</translation>
    </message>
    <message>
        <source>Replay the last</source>
        <translation>I-replay ang huling</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>order</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>I-replay</translation>
    </message>
    <message>
        <source>The replay did not finish: {error}</source>
        <translation>Hindi natapos ang replay: {error}</translation>
    </message>
    <message>
        <source>Replaying on the last 1 order… ({seconds} s)</source>
        <translation>Nire-replay sa huling 1 order… ({seconds} s)</translation>
    </message>
    <message>
        <source>Replaying on the last {n} orders… ({seconds} s)</source>
        <translation>Nire-replay sa huling {n} order… ({seconds} s)</translation>
    </message>
</context>
<context>
    <name>EditorPublish</name>
    <message>
        <source>Versions of “{name}”</source>
        <translation>Mga version ng “{name}”</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Published by</source>
        <translation>Nag-publish</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kailan</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Tala</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Ano ang nagbago</translation>
    </message>
    <message>
        <source>Restore as draft</source>
        <translation>Ibalik bilang draft</translation>
    </message>
    <message>
        <source>Version {version} is now the draft; the live version keeps taking orders until you publish.</source>
        <translation>Draft na ngayon ang version {version}; tuloy ang pagtanggap ng order ng live na version hanggang mag-publish ka.</translation>
    </message>
    <message>
        <source>restoring another version</source>
        <translation>magbalik ng ibang version</translation>
    </message>
    <message>
        <source>Step “{step}”: {problem}</source>
        <translation>Hakbang na “{step}”: {problem}</translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 problema</translation>
    </message>
    <message>
        <source>{n} problems</source>
        <translation>{n} problema</translation>
    </message>
    <message>
        <source>{problems}: {first}</source>
        <translation>{problems}: {first}</translation>
    </message>
    <message>
        <source>Not published: {problems} to fix. The live version keeps running. Click a problem to show its step.</source>
        <translation>Hindi na-publish: {problems} na aayusin. Tuloy ang takbo ng live na version. I-click ang problema para makita ang hakbang nito.</translation>
    </message>
    <message>
        <source>{problems} to fix before it can be published. Click a problem to show its step.</source>
        <translation>{problems} na aayusin bago ito ma-publish. I-click ang problema para makita ang hakbang nito.</translation>
    </message>
    <message>
        <source>1 warning (it can still be published):</source>
        <translation>1 babala (puwede pa rin itong i-publish):</translation>
    </message>
    <message>
        <source>{n} warnings (it can still be published):</source>
        <translation>{n} babala (puwede pa rin itong i-publish):</translation>
    </message>
    <message>
        <source>Publish “{name}”</source>
        <translation>I-publish ang “{name}”</translation>
    </message>
    <message>
        <source>Publishing makes this draft the version that takes orders, in place of version {version}. Orders already started keep the version they started with.</source>
        <translation>Sa pag-publish, ang draft na ito ang magiging version na tumatanggap ng order, kapalit ng version {version}. Ang mga order na nasimulan na ay mananatili sa version na sinimulan nila.</translation>
    </message>
    <message>
        <source>Publishing makes this draft the version that takes orders (its first).</source>
        <translation>Sa pag-publish, ang draft na ito ang magiging version na tumatanggap ng order (ang una nito).</translation>
    </message>
    <message>
        <source>&lt;b&gt;What changes&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ano ang magbabago&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Nothing changed from version {version}.</source>
        <translation>Walang nagbago mula sa version {version}.</translation>
    </message>
    <message>
        <source>What this change is for (kept with the version)</source>
        <translation>Para saan ang pagbabagong ito (itatabi kasama ng version)</translation>
    </message>
    <message>
        <source>Published by: {who}</source>
        <translation>Ang magpa-publish: {who}</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>I-publish</translation>
    </message>
    <message>
        <source>Warning: {problem}</source>
        <translation>Babala: {problem}</translation>
    </message>
    <message>
        <source>“{name}” has no draft to publish: version {version} takes orders as it is. Change something and save it first.</source>
        <translation>Walang draft na ipa-publish ang “{name}”: tumatanggap ng order ang version {version} nang ganito. Magbago muna ng kahit ano at i-save ito.</translation>
    </message>
    <message>
        <source>Published “{name}” as version {version}; it takes orders now. Orders already started keep the version they started with.</source>
        <translation>Na-publish ang “{name}” bilang version {version}; tumatanggap na ito ng order. Ang mga order na nasimulan na ay mananatili sa version na sinimulan nila.</translation>
    </message>
    <message>
        <source>Published “{name}” as version {version}; it stays switched off. Orders already started keep the version they started with.</source>
        <translation>Na-publish ang “{name}” bilang version {version}; mananatili itong naka-off. Ang mga order na nasimulan na ay mananatili sa version na sinimulan nila.</translation>
    </message>
    <message>
        <source>There is no saved draft to discard.</source>
        <translation>Walang naka-save na draft na itatapon.</translation>
    </message>
    <message>
        <source>Discard the draft?</source>
        <translation>Itapon ang draft?</translation>
    </message>
    <message>
        <source>Throw away the draft of “{name}”? The live version {version} stays as it is.</source>
        <translation>Itapon ang draft ng “{name}”? Mananatili ang live na version {version} nang ganoon.</translation>
    </message>
    <message>
        <source>Throw away the draft of “{name}”? “{name}” was never published, so it is removed.</source>
        <translation>Itapon ang draft ng “{name}”? Hindi kailanman na-publish ang “{name}”, kaya aalisin ito.</translation>
    </message>
    <message>
        <source>Throw the draft away</source>
        <translation>Itapon ang draft</translation>
    </message>
    <message>
        <source>Keep the draft</source>
        <translation>Panatilihin ang draft</translation>
    </message>
    <message>
        <source>The draft of “{name}” was discarded.</source>
        <translation>Naitapon na ang draft ng “{name}”.</translation>
    </message>
</context>
<context>
    <name>StepForms</name>
    <message>
        <source>“{label}” is not a valid list; fix it or use the JSON view.</source>
        <translation>Hindi wastong listahan ang “{label}”; ayusin ito o gamitin ang JSON view.</translation>
    </message>
    <message>
        <source>“{label}” must be a number, like 1499.50</source>
        <translation>Dapat numero ang “{label}”, gaya ng 1499.50</translation>
    </message>
    <message>
        <source>Show as JSON (advanced)</source>
        <translation>Ipakita bilang JSON (advanced)</translation>
    </message>
    <message>
        <source>This is not valid JSON: {error}. Fix it to go back to the form.</source>
        <translation>Hindi ito wastong JSON: {error}. Ayusin ito para makabalik sa form.</translation>
    </message>
    <message>
        <source>This is not valid JSON: {error}. Fix it, then press OK.</source>
        <translation>Hindi ito wastong JSON: {error}. Ayusin ito, saka pindutin ang OK.</translation>
    </message>
    <message>
        <source>Retry with changes</source>
        <translation>I-retry na may babaguhin</translation>
    </message>
    <message>
        <source>Change what “{step}” is given, then press OK to try it again with these values.</source>
        <translation>Baguhin ang ibinibigay sa “{step}”, saka pindutin ang OK para subukan ulit gamit ang mga value na ito.</translation>
    </message>
    <message>
        <source>Skip with this result</source>
        <translation>I-skip gamit ang resultang ito</translation>
    </message>
    <message>
        <source>The order goes on as if “{step}” had produced this. Change what it should have produced, then press OK.</source>
        <translation>Tutuloy ang order na parang ito ang naging resulta ng “{step}”. Baguhin kung ano dapat ang resulta nito, saka pindutin ang OK.</translation>
    </message>
    <message>
        <source>Continue from output:</source>
        <translation>Tumuloy mula sa output:</translation>
    </message>
    <message>
        <source>This step produced nothing to fill in; use the JSON view to give it a result, or press OK to go on with none.</source>
        <translation>Walang naibigay ang hakbang na ito na mapupunan; gamitin ang JSON view para bigyan ito ng resulta, o pindutin ang OK para tumuloy nang wala.</translation>
    </message>
</context>
<context>
    <name>ValuePicker</name>
    <message>
        <source>number</source>
        <translation>numero</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>customer</translation>
    </message>
    <message>
        <source>name</source>
        <translation>pangalan</translation>
    </message>
    <message>
        <source>email</source>
        <translation>email</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telepono</translation>
    </message>
    <message>
        <source>address</source>
        <translation>address</translation>
    </message>
    <message>
        <source>items ordered</source>
        <translation>mga inorder</translation>
    </message>
    <message>
        <source>items</source>
        <translation>mga item</translation>
    </message>
    <message>
        <source>total</source>
        <translation>kabuuan</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>currency</translation>
    </message>
    <message>
        <source>product code</source>
        <translation>code ng produkto</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>dami</translation>
    </message>
    <message>
        <source>price</source>
        <translation>presyo</translation>
    </message>
    <message>
        <source>note</source>
        <translation>tala</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>sagot</translation>
    </message>
    <message>
        <source>reference number</source>
        <translation>reference number</translation>
    </message>
    <message>
        <source>result</source>
        <translation>resulta</translation>
    </message>
    <message>
        <source>how many</source>
        <translation>ilan</translation>
    </message>
    <message>
        <source>found</source>
        <translation>nahanap</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>pinili</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>mga sagot</translation>
    </message>
    <message>
        <source>answered by</source>
        <translation>sumagot</translation>
    </message>
    <message>
        <source>answered at</source>
        <translation>oras ng sagot</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ngayon</translation>
    </message>
    <message>
        <source>later</source>
        <translation>sa susunod</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>handa na</translation>
    </message>
    <message>
        <source>short</source>
        <translation>kulang</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>wala</translation>
    </message>
    <message>
        <source>all in stock</source>
        <translation>lahat ay may stock</translation>
    </message>
    <message>
        <source>total of what is ready</source>
        <translation>kabuuan ng handa na</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>kinalabasan</translation>
    </message>
    <message>
        <source>sent to</source>
        <translation>pinadalhan</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>naipadala</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>tinanggihan</translation>
    </message>
    <message>
        <source>message reference</source>
        <translation>reference ng mensahe</translation>
    </message>
    <message>
        <source>waited until</source>
        <translation>naghintay hanggang</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>binago</translation>
    </message>
    <message>
        <source>Insert a value from the order or an earlier step (Alt+Down)</source>
        <translation>Maglagay ng detalye mula sa order o sa naunang hakbang (Alt+Down)</translation>
    </message>
    <message>
        <source>Insert a value from the order (Alt+Down)</source>
        <translation>Maglagay ng detalye mula sa order (Alt+Down)</translation>
    </message>
    <message>
        <source>From the steps before it</source>
        <translation>Mula sa mga naunang hakbang</translation>
    </message>
    <message>
        <source>From the steps</source>
        <translation>Mula sa mga hakbang</translation>
    </message>
    <message>
        <source>item {number}</source>
        <translation>item {number}</translation>
    </message>
    <message>
        <source>all of it</source>
        <translation>lahat</translation>
    </message>
    <message>
        <source>From the order: {what}</source>
        <translation>Mula sa order: {what}</translation>
    </message>
    <message>
        <source>From “{step}”: {what}</source>
        <translation>Mula sa “{step}”: {what}</translation>
    </message>
    <message>
        <source>All of it</source>
        <translation>Lahat</translation>
    </message>
    <message>
        <source>The order</source>
        <translation>Ang order</translation>
    </message>
    <message>
        <source>The whole order</source>
        <translation>Ang buong order</translation>
    </message>
    <message>
        <source>All of its result</source>
        <translation>Ang buong resulta nito</translation>
    </message>
    <message>
        <source>Nothing to insert yet: give the workflow a sample order, or connect a step before this one.</source>
        <translation>Wala pang mailalagay: bigyan ang workflow ng sample na order, o magkabit ng hakbang bago ito.</translation>
    </message>
    <message>
        <source>Insert a value</source>
        <translation>Maglagay ng detalye</translation>
    </message>
</context>
<context>
    <name>WorkflowForm</name>
    <message>
        <source>What names an order in the order list and the inbox, and keeps one order from being taken twice, e.g. {{ trigger.order.number }}.</source>
        <translation>Ang pangalan ng order sa listahan ng mga order at sa Inbox, at pumipigil na matanggap nang dalawang beses ang iisang order, hal. {{ trigger.order.number }}.</translation>
    </message>
    <message>
        <source>The amount the Orders list shows in its Total column. Orders from email or the web form often come without one; say which step works it out, e.g. {{ steps.plan.output.total }}. Empty: the total the order arrived with.</source>
        <translation>Ang halagang ipinapakita ng listahan ng mga Order sa hanay na Kabuuan. Kadalasang walang kabuuan ang mga order mula sa email o sa web form; sabihin kung aling hakbang ang kumukuwenta nito, hal. {{ steps.plan.output.total }}. Kapag walang laman: ang kabuuang kasama ng order pagdating.</translation>
    </message>
    <message>
        <source>A made-up order as it would arrive (JSON). “Try it” runs the workflow on it, and the template suggestions list its fields.</source>
        <translation>Isang kunwaring order gaya ng pagdating nito (JSON). Pinapatakbo ng “Subukan” ang workflow dito, at ang mga field nito ang nakalista sa mga mungkahi sa template.</translation>
    </message>
    <message>
        <source>Unknown kind “{type}”</source>
        <translation>Hindi kilalang uri na “{type}”</translation>
    </message>
    <message>
        <source>Takes orders</source>
        <translation>Tumatanggap ng order</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Alisin</translation>
    </message>
    <message>
        <source>Names this source in web addresses (/hook/&lt;workflow&gt;/&lt;name&gt;) and in the intake health page.</source>
        <translation>Pangalan ng pinagmumulang ito sa mga web address (/hook/&lt;workflow&gt;/&lt;name&gt;) at sa page ng kalagayan ng mga channel.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Pangalan</translation>
    </message>
    <message>
        <source>&lt;b&gt;Workflow “{name}”&lt;/b&gt;</source>
        <translation>&lt;b&gt;Workflow na “{name}”&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Select a step on the canvas to change its settings, or drag one from the list on the left.</source>
        <translation>Pumili ng hakbang sa canvas para baguhin ang mga setting nito, o mag-drag ng isa mula sa listahan sa kaliwa.</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Paglalarawan</translation>
    </message>
    <message>
        <source>Order key</source>
        <translation>Order key</translation>
    </message>
    <message>
        <source>Order total (shown in the Orders list)</source>
        <translation>Kabuuan ng order (ipinapakita sa listahan ng mga Order)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Where orders come from&lt;/b&gt;</source>
        <translation>&lt;b&gt;Saan galing ang mga order&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Idagdag</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sample order&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sample order&lt;/b&gt;</translation>
    </message>
    <message>
        <source>None yet: orders are started by hand or from the command line. Add a mailbox, web form, marketplace or schedule below.</source>
        <translation>Wala pa: sinisimulan ang mga order nang mano-mano o mula sa command line. Magdagdag ng mailbox, web form, marketplace o iskedyul sa ibaba.</translation>
    </message>
    <message>
        <source>The sample order is not valid JSON ({error}); fix it and click outside the box again. Nothing was changed.</source>
        <translation>Hindi wastong JSON ang sample order ({error}); ayusin ito at mag-click ulit sa labas ng box. Walang binago.</translation>
    </message>
</context>
</TS>
