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
        <translation>飛び</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frozen</source>
        <translation>フリーズ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jitter</source>
        <translation>ジッター</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foot skate</source>
        <translation>足滑り</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor penetration</source>
        <translation>床へのめり込み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floating</source>
        <translation>浮き</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bone stretch</source>
        <translation>ボーンの伸び</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hyperextension</source>
        <translation>過伸展</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flip</source>
        <translation>フリップ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing data</source>
        <translation>データ欠損</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Over-smoothed</source>
        <translation>過度な平滑化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drift</source>
        <translation>ドリフト</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pending</source>
        <translation>未判定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>却下済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edited</source>
        <translation>編集済み</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Torso</source>
        <translation>胴体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left arm</source>
        <translation>左腕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right arm</source>
        <translation>右腕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left leg</source>
        <translation>左脚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right leg</source>
        <translation>右脚</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Erase</source>
        <translation>消去</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad</source>
        <translation>不良</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsure</source>
        <translation>不確か</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All parts</source>
        <translation>すべての部位</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../editor/reviewcontroller.cpp" line="+163"/>
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
        <location filename="../app/gui/mainwindow.cpp" line="+167"/>
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
        <location line="+214"/>
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
        <location line="-351"/>
        <source>%n artifact(s) found</source>
        <translation>
            <numerusform>%n 件のアーティファクトが見つかりました</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+18"/>
        <source>Cannot save the project</source>
        <translation>プロジェクトを保存できません</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Open &amp;Project...</source>
        <translation>プロジェクトを開く(&amp;P)...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Project</source>
        <translation>プロジェクトを開く</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <location line="+383"/>
        <source>MotionMender projects (*.mmproj)</source>
        <translation>MotionMender プロジェクト (*.mmproj)</translation>
    </message>
    <message>
        <location line="-392"/>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Project &amp;As...</source>
        <translation>名前を付けてプロジェクトを保存(&amp;A)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+383"/>
        <source>Save Project As</source>
        <translation>名前を付けてプロジェクトを保存</translation>
    </message>
    <message>
        <location line="-379"/>
        <source>&amp;Export Motion...</source>
        <translation>モーションをエクスポート(&amp;E)...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;Labels...</source>
        <translation>ラベルをエクスポート(&amp;L)...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear &amp;Selection</source>
        <translation>選択を解除(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Preferences...</source>
        <translation>環境設定(&amp;P)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preferences</source>
        <translation>環境設定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Re-analyse this long after an edit (ms):</source>
        <translation>編集後に再解析するまでの時間 (ミリ秒):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Analyse</source>
        <translation>解析(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Analyse Take</source>
        <translation>テイクを解析(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Propose Fixes for All (&amp;Classic)</source>
        <translation>すべてに修正案を作成 (従来手法)(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Propose Fixes for All (&amp;Model)</source>
        <translation>すべてに修正案を作成 (モデル)(&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next Artifact</source>
        <translation>次のアーティファクト(&amp;N)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Previous Artifact</source>
        <translation>前のアーティファクト(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift+N</source>
        <translation>Shift+N</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Accept Fix</source>
        <translation>修正を承認(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No proposal to accept: select an artifact with a proposed fix</source>
        <translation>承認する修正案がありません: 修正案のあるアーティファクトを選択してください</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reject (False Alarm)</source>
        <translation>却下 (誤検出)(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept All of This &amp;Type</source>
        <translation>この種類をすべて承認(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re-propose (C&amp;lassic)</source>
        <translation>修正案を再作成 (従来手法)(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-propose (Mo&amp;del)</source>
        <translation>修正案を再作成 (モデル)(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;dd Artifact from Selection...</source>
        <translation>選択範囲からアーティファクトを追加(&amp;D)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Repair</source>
        <translation>修復(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clean All (Accept Every Proposal)</source>
        <translation>すべてクリーンアップ (すべての修正案を承認)(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clean all</source>
        <translation>すべてクリーンアップ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;In-between Selection</source>
        <translation>選択範囲を中割り(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;omplete Selection</source>
        <translation>選択範囲を補完(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter Selection...</source>
        <translation>選択範囲にフィルターを適用(&amp;F)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foot &amp;Lock Selection</source>
        <translation>選択範囲の足を固定(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Apply Selection Repair</source>
        <translation>選択範囲の修復を適用(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Revert Selection to Original</source>
        <translation>選択範囲を元のデータに戻す(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Label</source>
        <translation>ラベル(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Labelling Mode</source>
        <translation>ラベル付けモード(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Brush: %1</source>
        <translation>ブラシ: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Fill Selection with Brush</source>
        <translation>選択範囲をブラシで塗りつぶす(&amp;F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shift+F</source>
        <translation>Shift+F</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous Take</source>
        <translation>前のテイク(&amp;P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next Take</source>
        <translation>次のテイク(&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark Take &amp;Done</source>
        <translation>テイクを完了にする(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot update the queue</source>
        <translation>キューを更新できません</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Model</source>
        <translation>モデル(&amp;M)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Device</source>
        <translation>デバイス(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic (GPU when present)</source>
        <translation>自動 (GPU があれば GPU を使用)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Weights...</source>
        <translation>重み(&amp;W)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model Weights</source>
        <translation>モデルの重み</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MotionMender models (*.mmmodel)</source>
        <translation>MotionMender モデル (*.mmmodel)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sampling &amp;Steps...</source>
        <translation>サンプリングステップ数(&amp;S)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sampling Steps</source>
        <translation>サンプリングステップ数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Diffusion steps (more: slower, smoother):</source>
        <translation>拡散ステップ数 (多いほど低速で滑らか):</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save the Generated Take</source>
        <translation>生成したテイクを保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Motion files (*.bvh *.amc *.fbx *.glb *.gltf)</source>
        <translation>モーションファイル (*.bvh *.amc *.fbx *.glb *.gltf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot add %1 to the project</source>
        <translation>%1 をプロジェクトに追加できません</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Frame Character</source>
        <translation>キャラクターをフレームに収める(&amp;F)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fit &amp;Timeline to Take</source>
        <translation>タイムラインをテイク全体に合わせる(&amp;T)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom Timeline &amp;In</source>
        <translation>タイムラインを拡大(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom Timeline &amp;Out</source>
        <translation>タイムラインを縮小(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+-</source>
        <translation>Ctrl+-</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ruler in Time&amp;code</source>
        <translation>ルーラーをタイムコードで表示(&amp;C)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Play &amp;Backwards (J)</source>
        <translation>逆再生(&amp;B) (J)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stop (K)</source>
        <translation>停止(&amp;S) (K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play &amp;Forwards (L)</source>
        <translation>順再生(&amp;F) (L)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>F&amp;irst Frame</source>
        <translation>最初のフレーム(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Last Frame</source>
        <translation>最後のフレーム(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About MotionMender</source>
        <translation>MotionMender について(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About MotionMender</source>
        <translation>MotionMender について</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MotionMender %1: motion-capture cleanup.
The shipped model was trained on the Bandai Namco Research Motion Dataset (CC BY-NC 4.0).</source>
        <translation>MotionMender %1: モーションキャプチャのクリーンアップツール。
同梱のモデルは Bandai Namco Research Motion Dataset (CC BY-NC 4.0) で学習されています。</translation>
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
        <translation>テイクを開けません</translation>
    </message>
    <message>
        <location line="-155"/>
        <location line="+167"/>
        <source>Cannot save %1</source>
        <translation>%1 を保存できません</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+13"/>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Motion</source>
        <translation>モーションをエクスポート</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BVH (*.bvh);;FBX (*.fbx);;glTF binary (*.glb);;glTF (*.gltf)</source>
        <translation>BVH (*.bvh);;FBX (*.fbx);;glTF バイナリ (*.glb);;glTF (*.gltf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot export %1</source>
        <translation>%1 をエクスポートできません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1</source>
        <translation>%1 をエクスポートしました</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+19"/>
        <location line="+4"/>
        <source>Cannot export labels</source>
        <translation>ラベルをエクスポートできません</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>;;NumPy (*.npz)</source>
        <translation>;;NumPy (*.npz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Labels</source>
        <translation>ラベルをエクスポート</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>labels.json</source>
        <translation>labels.json</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: use .json, .csv or .npz</source>
        <translation>%1: .json、.csv、.npz のいずれかを使用してください</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Exported the labels of %n take(s)</source>
        <translation>
            <numerusform>%n 件のテイクのラベルをエクスポートしました</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+10"/>
        <location line="+18"/>
        <source>Select frames first (Shift+drag on the timeline)</source>
        <translation>先にフレームを選択してください (タイムライン上で Shift+ドラッグ)</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Add Artifact</source>
        <translation>アーティファクトを追加</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type:</source>
        <translation>種類:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Filter Selection</source>
        <translation>選択範囲にフィルターを適用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Low-pass cut-off (Hz):</source>
        <translation>ローパスのカットオフ周波数 (Hz):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Proposal shown as the ghost: Ctrl+Return applies it</source>
        <translation>修正案をゴーストで表示中: Ctrl+Return で適用</translation>
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
    <name>mm::app::PromptDock</name>
    <message>
        <location filename="../app/gui/promptdock.cpp" line="+40"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. an old man walks, then waves with his right hand</source>
        <translation>例: an old man walks, then waves with his right hand</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Insert at the play head</source>
        <translation>再生ヘッドの位置に挿入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the selection</source>
        <translation>選択範囲を置き換え</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New take</source>
        <translation>新規テイク</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place:</source>
        <translation>配置:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from the prompt</source>
        <translation>プロンプトに従う</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length of the generated motion; &quot;from the prompt&quot; uses the durations it names (4 s per segment otherwise). Replacing the selection keeps its length.</source>
        <translation>生成するモーションの長さ。「プロンプトに従う」ではプロンプトで指定された長さを使います (指定がなければセグメントごとに 4 秒)。選択範囲を置き換える場合は選択範囲の長さのままです。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length:</source>
        <translation>長さ:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Candidates to choose from, each drawn as the ghost</source>
        <translation>選択できる候補の数 (各候補はゴーストで表示されます)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples:</source>
        <translation>サンプル数:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+131"/>
        <source>&amp;Apply</source>
        <translation>適用(&amp;A)</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>&amp;Discard</source>
        <translation>破棄(&amp;D)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Applied: Edit &gt; Undo takes it back. The new frames are analysed like any other.</source>
        <translation>適用しました。編集 &gt; 元に戻す で取り消せます。新しいフレームも他のフレームと同様に解析されます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Generation failed: %1</source>
        <translation>生成に失敗しました: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Describe the motion with the actions and styles the model knows (walk, run, wave, bow, old, happy, ...), in a sequence (&quot;walk, then run&quot;), for a duration (&quot;for 3 seconds&quot;) or per body part (&quot;walk while waving the right hand&quot;).</source>
        <translation>モデルが知っている動作とスタイル (walk, run, wave, bow, old, happy, ...) を使って、モーションを英語で記述してください。順番 (「walk, then run」)、長さ (「for 3 seconds」)、部位ごとの動作 (「walk while waving the right hand」) も指定できます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing understood yet.</source>
        <translation>まだ何も解釈できていません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>any action</source>
        <translation>任意の動作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any style</source>
        <translation>任意のスタイル</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 s (default)</source>
        <translation>, %1 秒 (既定)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n frame(s)</source>
        <translation>
            <numerusform>, %n フレーム</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, %1 s</source>
        <translation>, %1 秒</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&apos;%1&apos; (closest: %2)</source>
        <translation>&apos;%1&apos; (近い語: %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not place %1</source>
        <translation>解釈できない語: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ignored: %1</source>
        <translation>無視した語: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exact words only (WordNet is not available).</source>
        <translation>完全一致する語のみ (WordNet を利用できません)。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Save as New Take...</source>
        <translation>新規テイクとして保存(&amp;S)...</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Generating %n sample(s)...</source>
        <translation>
            <numerusform>%n 件のサンプルを生成中...</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sample %1</source>
        <translation>サンプル %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n sample(s): pick one to see it as the ghost (press Space to play), then Apply.</source>
        <translation>
            <numerusform>サンプル %n 件: 選ぶとゴーストで表示されます (スペースで再生)。決まったら「適用」を押してください。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shown as the ghost (press Space to play); Apply keeps it.</source>
        <translation>ゴーストで表示中 (スペースで再生)。「適用」で確定します。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note: %1</source>
        <translation>注: %1</translation>
    </message>
</context>
<context>
    <name>mm::app::RecentFiles</name>
    <message>
        <location filename="../app/gui/recentfiles.cpp" line="+49"/>
        <source>No recent files</source>
        <translation>最近使ったファイルはありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear Menu</source>
        <translation>メニューをクリア</translation>
    </message>
</context>
<context>
    <name>mm::app::ReviewDock</name>
    <message>
        <location filename="../app/gui/reviewdock.cpp" line="+22"/>
        <source>Artifacts</source>
        <translation>アーティファクト</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All types</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All decisions</source>
        <translation>すべての判定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show:</source>
        <translation>表示:</translation>
    </message>
</context>
<context>
    <name>mm::app::Screenshot</name>
    <message>
        <location filename="../app/gui/screenshot.cpp" line="+32"/>
        <source>the 3D view rendered no frame within %1 s</source>
        <translation>3D ビューが %1 秒以内にフレームを描画しませんでした</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>cannot write %1</source>
        <translation>%1 に書き込めません</translation>
    </message>
</context>
<context>
    <name>mm::app::TakeQueueDock</name>
    <message>
        <location filename="../app/gui/takequeuedock.cpp" line="+17"/>
        <source>Take Queue</source>
        <translation>テイクキュー</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No project open</source>
        <translation>プロジェクトが開かれていません</translation>
    </message>
</context>
<context>
    <name>mm::app::TaskStatus</name>
    <message>
        <location filename="../app/gui/taskstatus.cpp" line="+21"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the running task (Esc)</source>
        <translation>実行中のタスクを停止 (Esc)</translation>
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
        <location filename="../editor/artifactlistmodel.cpp" line="+85"/>
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
    <name>mm::editor::GenerationController</name>
    <message>
        <location filename="../editor/generationcontroller.cpp" line="+80"/>
        <source>Open a take first, or generate a new take.</source>
        <translation>先にテイクを開くか、新規テイクを生成してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The prompt names no action or style.</source>
        <translation>プロンプトに動作もスタイルも指定されていません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to generate: %1</source>
        <translation>生成するものがありません: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select the frames to replace first (drag on the timeline).</source>
        <translation>先に置き換えるフレームを選択してください (タイムライン上でドラッグ)。</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Generating %n frame(s) at the play head</source>
        <translation>
            <numerusform>再生ヘッドの位置に %n フレームを生成中</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Generating frames %1-%2</source>
        <translation>フレーム %1-%2 を生成中</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Generating a new take of %n frame(s)</source>
        <translation>
            <numerusform>%n フレームの新規テイクを生成中</numerusform>
        </translation>
    </message>
    <message>
        <location line="+103"/>
        <source>The take changed while generating: generate again.</source>
        <translation>生成中にテイクが変更されました。もう一度生成してください。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Generated: %1 (sample %2 of %3)</source>
        <translation>生成: %1 (サンプル %2 / %3)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing generated to apply.</source>
        <translation>適用できる生成結果がありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new take is written to a file, not applied.</source>
        <translation>新規テイクは適用されず、ファイルに書き出されます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The take changed since these samples were generated: generate again.</source>
        <translation>サンプルの生成後にテイクが変更されました。もう一度生成してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generate “%1”</source>
        <translation>「%1」を生成</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The generated frames do not fit the take&apos;s skeleton.</source>
        <translation>生成されたフレームがテイクのスケルトンと一致しません。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No new take was generated.</source>
        <translation>新規テイクは生成されていません。</translation>
    </message>
</context>
<context>
    <name>mm::editor::ProjectSession</name>
    <message>
        <location filename="../editor/projectsession.cpp" line="+65"/>
        <source>%1: only a take opened from a file can be saved in a project</source>
        <translation>%1: プロジェクトに保存できるのはファイルから開いたテイクだけです</translation>
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
        <location filename="../editor/reviewcontroller.cpp" line="-117"/>
        <source>Analysing</source>
        <translation>解析中</translation>
    </message>
    <message>
        <location line="+61"/>
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
        <location line="+106"/>
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
        <translation>タイムコード</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frame</source>
        <translation>フレーム</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quality</source>
        <translation>品質</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Torso</source>
        <translation>胴体</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left arm</source>
        <translation>左腕</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Right arm</source>
        <translation>右腕</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left leg</source>
        <translation>左脚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right leg</source>
        <translation>右脚</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Artifacts</source>
        <translation>アーティファクト</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>T</source>
        <comment>torso</comment>
        <translation>胴</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LA</source>
        <comment>left arm</comment>
        <translation>左腕</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RA</source>
        <comment>right arm</comment>
        <translation>右腕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LL</source>
        <comment>left leg</comment>
        <translation>左脚</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RL</source>
        <comment>right leg</comment>
        <translation>右脚</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change</source>
        <translation>変化量</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>max %1 mm</source>
        <translation>最大 %1 mm</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Not analysed yet</source>
        <translation>未解析</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>No proposal under review</source>
        <translation>確認中の修正案はありません</translation>
    </message>
</context>
<context>
    <name>mm::viewport::SkeletonView</name>
    <message>
        <location filename="../viewport/skeletonview.cpp" line="+107"/>
        <source>Show Proposal &amp;Ghost</source>
        <translation>修正案をゴースト表示(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show Proposal &amp;Applied (Before/After)</source>
        <translation>修正案の適用結果を表示 (前/後)(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Follow Character</source>
        <translation>キャラクターを追従(&amp;F)</translation>
    </message>
</context>
</TS>
