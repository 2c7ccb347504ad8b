<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fil">
<context>
    <name>Editor</name>
    <message>
        <source>This workflow has no steps yet.
Drag a step from the list on the left onto the canvas, or import a workflow file (More ▸ Import…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {n} steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste {n} steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change where orders come from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the order key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the sample order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A saved connection; its secrets stay in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” is not valid JSON: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft only · not published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version {version} · {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new workflow:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workflow called “{name}” already exists; open it from the list, or choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New workflow “{name}”: drag steps onto the canvas, choose where its orders come from on the right, then Save the draft and Publish it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>making a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” archived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched on: takes orders from its triggers. Click to switch it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched off: takes no new orders. Click to switch it on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the workflow before switching it on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the workflow first; then it can be switched on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch off?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch off “{name}”? It takes no new orders until you switch it on again; orders already started carry on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” switched on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” switched off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported “{name}”; Save keeps it as a draft, Publish makes it take orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening the imported “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not import {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {path} (connection names only, never secrets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export to {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps — drag onto the canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}
not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{source}” is already connected to “{target}” from “{port}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting “{source}” to “{target}” would make a loop; a workflow runs forward only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{step}” is now called “{new}” in templates; every reference to it was updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no Daloy steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” was not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{new}” cannot name the step “{step}”: a step name starts with a small letter and uses only small letters, digits and _ (templates use it as steps.&lt;name&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{new}” cannot name a step: in a template, steps.{new} means something built in. Try “{new}_step”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another step (“{other}”) is already called “{new}”; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft — not taking orders yet; it has never been published. Publish it to start taking orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft — not taking orders yet; the live version {version} keeps running until you publish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved with 1 problem (fix it before publishing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved with {n} problems (fix them before publishing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the live version {version} keeps taking orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it takes no orders until you publish it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{saved}; {kept}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” has changes that are not saved yet. Save them before {doing}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown type {type}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the draft the version that takes orders (shows what changes first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the workflow as it is on the canvas on its sample order, in practice (nothing is sent). The arrow: on a past order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the sample order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a past order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay on past orders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the workflow as it is on the canvas on the last orders, in practice, and see which would go differently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidy up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename workflow…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a step to change its settings, or drag one from the list on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other steps refer to this step&apos;s result as steps.&lt;name&gt;.output; renaming updates them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;When it fails&lt;/b&gt; &lt;span style=&apos;color:#6b7280&apos;&gt;(empty: the step&apos;s default)&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorPractice</name>
    <message>
        <source>Practice run: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying needs the engine, which is not running in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying it on the past order (practice run {run}): steps that act on the outside world only record what they would send. Select a step to see its result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying it on the sample order (practice run {run}): steps that act on the outside world only record what they would send. Select a step to see its result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try “{name}” on a past order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an order: the workflow as it is on the canvas runs on what that order brought in, with the steps that act on the outside world stubbed. The order itself is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” has no past orders yet; try it on the sample order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {order}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it on this order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” has no past orders to replay yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order would go exactly as it did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {n} orders would go exactly as they did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 of 1 order would go differently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{d} of {n} orders would go differently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay “{name}” on past orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs the workflow as it is on the canvas (saved or not) on the last orders, in practice: nothing is sent, charged or published. Then it lists the orders that would go differently from what the live version did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replay did not finish: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying on the last 1 order… ({seconds} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying on the last {n} orders… ({seconds} s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorPublish</name>
    <message>
        <source>Versions of “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore as draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {version} is now the draft; the live version keeps taking orders until you publish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restoring another version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step “{step}”: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problems}: {first}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not published: {problems} to fix. The live version keeps running. Click a problem to show its step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problems} to fix before it can be published. Click a problem to show its step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 warning (it can still be published):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} warnings (it can still be published):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing makes this draft the version that takes orders, in place of version {version}. Orders already started keep the version they started with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishing makes this draft the version that takes orders (its first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;What changes&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed from version {version}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this change is for (kept with the version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published by: {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” has no draft to publish: version {version} takes orders as it is. Change something and save it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published “{name}” as version {version}; it takes orders now. Orders already started keep the version they started with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published “{name}” as version {version}; it stays switched off. Orders already started keep the version they started with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no saved draft to discard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the draft?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw away the draft of “{name}”? The live version {version} stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw away the draft of “{name}”? “{name}” was never published, so it is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft of “{name}” was discarded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepForms</name>
    <message>
        <source>“{label}” is not a valid list; fix it or use the JSON view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}” must be a number, like 1499.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show as JSON (advanced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not valid JSON: {error}. Fix it to go back to the form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not valid JSON: {error}. Fix it, then press OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry with changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change what “{step}” is given, then press OK to try it again with these values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip with this result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order goes on as if “{step}” had produced this. Change what it should have produced, then press OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue from output:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step produced nothing to fill in; use the JSON view to give it a result, or press OK to go on with none.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkflowForm</name>
    <message>
        <source>What names an order in the order list and the inbox, and keeps one order from being taken twice, e.g. {{ trigger.order.number }}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A made-up order as it would arrive (JSON). “Try it” runs the workflow on it, and the template suggestions list its fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown kind “{type}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names this source in web addresses (/hook/&lt;workflow&gt;/&lt;name&gt;) and in the intake health page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Workflow “{name}”&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a step on the canvas to change its settings, or drag one from the list on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Where orders come from&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Sample order&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet: orders are started by hand or from the command line. Add a mailbox, web form, marketplace or schedule below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample order is not valid JSON ({error}); fix it and click outside the box again. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
