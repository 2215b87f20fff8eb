<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>Commands</name>
    <message>
        <location filename="../editor/commands/commands.cpp" line="+33"/>
        <source>Accept %1 at frames %2-%3</source>
        <translation>フレーム %2-%3 の %1 を承認</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Reject %1 at frames %2-%3</source>
        <translation>フレーム %2-%3 の %1 を却下</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Edit %1 span</source>
        <translation>%1 の範囲を編集</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Add %1 at frames %2-%3</source>
        <translation>フレーム %2-%3 に %1 を追加</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Erase labels</source>
        <translation>ラベルを消去</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paint %1 labels</source>
        <translation>「%1」ラベルを描画</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Delete frames %1-%2</source>
        <translation>フレーム %1-%2 を削除</translation>
    </message>
</context>
<context>
    <name>DisplayNames</name>
    <message>
        <location filename="../editor/displaynames.cpp" line="+10"/>
        <source>Pop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foot skate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor penetration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bone stretch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hyperextension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Over-smoothed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Torso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left arm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right arm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All parts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../editor/reviewcontroller.cpp" line="+158"/>
        <source>in-betweened</source>
        <translation>中割り済み</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>completed</source>
        <translation>補完済み</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>filtered</source>
        <translation>フィルター適用済み</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>feet locked</source>
        <translation>足を固定済み</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Frames %1-%2 %3</source>
        <translation>フレーム %1-%2 %3</translation>
    </message>
</context>
<context>
    <name>mm::app::MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="+159"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open...</source>
        <translation>開く(&amp;O)...</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+174"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Frame All</source>
        <translation type="vanished">全体を表示(&amp;F)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Playback</source>
        <translation>再生(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+277"/>
        <source>&amp;Play</source>
        <translation>再生(&amp;P)</translation>
    </message>
    <message>
        <location line="-269"/>
        <source>&amp;Next Frame</source>
        <translation>次のフレーム(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;revious Frame</source>
        <translation>前のフレーム(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;First Frame</source>
        <translation type="vanished">最初のフレーム(&amp;F)</translation>
    </message>
    <message numerus="yes">
        <location line="-307"/>
        <source>%n artifact(s) found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+18"/>
        <source>Cannot save the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Open &amp;Project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <location line="+343"/>
        <source>MotionMender projects (*.mmproj)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-352"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Project &amp;As...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+343"/>
        <source>Save Project As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-339"/>
        <source>&amp;Export Motion...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;Labels...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear &amp;Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Preferences...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Re-analyse this long after an edit (ms):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Analyse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Analyse Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Propose Fixes for All (&amp;Classic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Propose Fixes for All (&amp;Model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next Artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Previous Artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Accept Fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No proposal to accept: select an artifact with a proposed fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reject (False Alarm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept All of This &amp;Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re-propose (C&amp;lassic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-propose (Mo&amp;del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;dd Artifact from Selection...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clean All (Accept Every Proposal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clean all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;In-between Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;omplete Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter Selection...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foot &amp;Lock Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Apply Selection Repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revert Selection to Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Labelling Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Brush: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Fill Selection with Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shift+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+PgUp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+PgDown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark Take &amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot update the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic (GPU when present)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>GPU (CUDA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Weights...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MotionMender models (*.mmmodel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sampling &amp;Steps...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sampling Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Diffusion steps (more: slower, smoother):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Frame Character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fit &amp;Timeline to Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom Timeline &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+=</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom Timeline &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ruler in Time&amp;code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Play &amp;Backwards (J)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stop (K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play &amp;Forwards (L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>F&amp;irst Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Last Frame</source>
        <translation>最後のフレーム(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About MotionMender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About MotionMender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MotionMender %1: motion-capture cleanup.
The shipped model was trained on the Bandai Namco Research Motion Dataset (CC BY-NC 4.0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Transport</source>
        <translation>トランスポート</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Motion files (%1)</source>
        <translation>モーションファイル (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Motion</source>
        <translation>モーションを開く</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+7"/>
        <source>Cannot open %1</source>
        <translation>%1 を開けません</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot open the take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot save %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+13"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BVH (*.bvh);;FBX (*.fbx);;glTF binary (*.glb);;glTF (*.gltf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot export %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+19"/>
        <location line="+4"/>
        <source>Cannot export labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-10"/>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>;;NumPy (*.npz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>labels.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: use .json, .csv or .npz</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Exported the labels of %n take(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+10"/>
        <location line="+18"/>
        <source>Select frames first (Shift+drag on the timeline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Add Artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Filter Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Low-pass cut-off (Hz):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Proposal shown as the ghost: Ctrl+Return applies it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 - MotionMender</source>
        <translation>%1 - MotionMender</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MotionMender</source>
        <translation>MotionMender</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no clip</source>
        <translation>クリップなし</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>frame %1 / %2  (%3 fps)</source>
        <translation>フレーム %1 / %2  (%3 fps)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Pause</source>
        <translation>一時停止(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause (Space)</source>
        <translation>一時停止 (スペース)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play (Space)</source>
        <translation>再生 (スペース)</translation>
    </message>
</context>
<context>
    <name>mm::app::RecentFiles</name>
    <message>
        <location filename="../app/gui/recentfiles.cpp" line="+49"/>
        <source>No recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear Menu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::app::ReviewDock</name>
    <message>
        <location filename="../app/gui/reviewdock.cpp" line="+22"/>
        <source>Artifacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::app::Screenshot</name>
    <message>
        <location filename="../app/gui/screenshot.cpp" line="+28"/>
        <source>the 3D view rendered no frame within %1 s</source>
        <translation>3D ビューが %1 秒以内にフレームを描画しませんでした</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>cannot write %1</source>
        <translation>%1 に書き込めません</translation>
    </message>
</context>
<context>
    <name>mm::app::TakeQueueDock</name>
    <message>
        <location filename="../app/gui/takequeuedock.cpp" line="+17"/>
        <source>Take Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No project open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::app::TaskStatus</name>
    <message>
        <location filename="../app/gui/taskstatus.cpp" line="+21"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the running task (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::app::Translations</name>
    <message>
        <location filename="../app/gui/translations.cpp" line="+66"/>
        <source>No translation for &quot;%1&quot;; using English.</source>
        <translation>「%1」の翻訳がありません。英語を使用します。</translation>
    </message>
</context>
<context>
    <name>mm::editor::ArtifactListModel</name>
    <message>
        <location filename="../editor/artifactlistmodel.cpp" line="+73"/>
        <source>%1-%2</source>
        <translation>%1-%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames</source>
        <translation>フレーム</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts</source>
        <translation>部位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>重大度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>変化量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>判定</translation>
    </message>
</context>
<context>
    <name>mm::editor::ProjectSession</name>
    <message>
        <location filename="../editor/projectsession.cpp" line="+58"/>
        <source>%1: only a take opened from a file can be saved in a project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+75"/>
        <source>no project is open</source>
        <translation>プロジェクトが開かれていません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the project has no take %2</source>
        <translation>%1: プロジェクトにテイク %2 がありません</translation>
    </message>
</context>
<context>
    <name>mm::editor::ReviewController</name>
    <message>
        <location filename="../editor/reviewcontroller.cpp" line="-113"/>
        <source>Analysing</source>
        <translation>解析中</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Proposing a fix</source>
        <translation>修正案を作成中</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Proposing fixes</source>
        <translation>修正案を作成中 (複数)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Repairing the selection</source>
        <translation>選択範囲を修復中</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Accept all %1</source>
        <translation>すべての %1 を承認</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Revert frames %1-%2 to the original</source>
        <translation>フレーム %1-%2 を元のデータに戻す</translation>
    </message>
</context>
<context>
    <name>mm::editor::TakeQueueModel</name>
    <message>
        <location filename="../editor/takequeuemodel.cpp" line="+46"/>
        <source>%1 (%2 s)</source>
        <translation>%1 (%2 秒)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not started</source>
        <translation>未着手</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>作業中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Take</source>
        <translation>テイク</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames</source>
        <translation>フレーム数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2 done</source>
        <translation>%1 / %2 完了</translation>
    </message>
</context>
<context>
    <name>mm::timeline::TimelinePainter</name>
    <message>
        <location filename="../timeline/timelinepainter.cpp" line="+107"/>
        <source>Timecode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Torso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left arm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Right arm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right leg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Artifacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>T</source>
        <comment>torso</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LA</source>
        <comment>left arm</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RA</source>
        <comment>right arm</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LL</source>
        <comment>left leg</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RL</source>
        <comment>right leg</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change</source>
        <translation type="unfinished">変化量</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>max %1 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Not analysed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+110"/>
        <source>No proposal under review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::viewport::SkeletonView</name>
    <message>
        <location filename="../viewport/skeletonview.cpp" line="+97"/>
        <source>Show Proposal &amp;Ghost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show Proposal &amp;Applied (Before/After)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Follow Character</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
