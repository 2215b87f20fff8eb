<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Commands</name>
    <message>
        <location filename="../editor/commands/commands.cpp" line="+33"/>
        <source>Accept %1 at frames %2-%3</source>
        <translation>接受第 %2-%3 帧的 %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Reject %1 at frames %2-%3</source>
        <translation>拒绝第 %2-%3 帧的 %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Edit %1 span</source>
        <translation>编辑 %1 区间</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Add %1 at frames %2-%3</source>
        <translation>在第 %2-%3 帧添加 %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Erase labels</source>
        <translation>擦除标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paint %1 labels</source>
        <translation>绘制“%1”标签</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Delete frames %1-%2</source>
        <translation>删除第 %1-%2 帧</translation>
    </message>
</context>
<context>
    <name>DisplayNames</name>
    <message>
        <location filename="../editor/displaynames.cpp" line="+10"/>
        <source>Pop</source>
        <translation>跳变</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jitter</source>
        <translation>抖动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foot skate</source>
        <translation>滑步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor penetration</source>
        <translation>穿透地面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floating</source>
        <translation>悬空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bone stretch</source>
        <translation>骨骼拉伸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hyperextension</source>
        <translation>关节过伸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flip</source>
        <translation>翻转</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing data</source>
        <translation>数据缺失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Over-smoothed</source>
        <translation>过度平滑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drift</source>
        <translation>漂移</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Torso</source>
        <translation>躯干</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left arm</source>
        <translation>左臂</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right arm</source>
        <translation>右臂</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left leg</source>
        <translation>左腿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right leg</source>
        <translation>右腿</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Erase</source>
        <translation>擦除</translation>
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
        <translation>不确定</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All parts</source>
        <translation>全部部位</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../editor/reviewcontroller.cpp" line="+163"/>
        <source>in-betweened</source>
        <translation>已补间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>completed</source>
        <translation>已补全</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>filtered</source>
        <translation>已滤波</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>feet locked</source>
        <translation>已锁定脚步</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Frames %1-%2 %3</source>
        <translation>第 %1-%2 帧%3</translation>
    </message>
</context>
<context>
    <name>mm::app::MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="+167"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)...</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+214"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Frame All</source>
        <translation type="vanished">显示全部(&amp;F)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+277"/>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location line="-269"/>
        <source>&amp;Next Frame</source>
        <translation>下一帧(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;revious Frame</source>
        <translation>上一帧(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;First Frame</source>
        <translation type="vanished">第一帧(&amp;F)</translation>
    </message>
    <message numerus="yes">
        <location line="-351"/>
        <source>%n artifact(s) found</source>
        <translation>
            <numerusform>发现 %n 个瑕疵</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+18"/>
        <source>Cannot save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Open &amp;Project...</source>
        <translation>打开项目(&amp;P)...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <location line="+383"/>
        <source>MotionMender projects (*.mmproj)</source>
        <translation>MotionMender 项目 (*.mmproj)</translation>
    </message>
    <message>
        <location line="-392"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Project &amp;As...</source>
        <translation>项目另存为(&amp;A)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+383"/>
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <location line="-379"/>
        <source>&amp;Export Motion...</source>
        <translation>导出动作(&amp;E)...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;Labels...</source>
        <translation>导出标签(&amp;L)...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
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
        <translation>清除选区(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Preferences...</source>
        <translation>首选项(&amp;P)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Re-analyse this long after an edit (ms):</source>
        <translation>编辑后重新分析的延迟 (毫秒)：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Analyse</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Analyse Take</source>
        <translation>分析镜次(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Propose Fixes for All (&amp;Classic)</source>
        <translation>为全部瑕疵生成修复建议 (经典算法)(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Propose Fixes for All (&amp;Model)</source>
        <translation>为全部瑕疵生成修复建议 (模型)(&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Next Artifact</source>
        <translation>下一个瑕疵(&amp;N)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Previous Artifact</source>
        <translation>上一个瑕疵(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift+N</source>
        <translation>Shift+N</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Accept Fix</source>
        <translation>接受修复(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No proposal to accept: select an artifact with a proposed fix</source>
        <translation>没有可接受的修复建议：请选择一个已有修复建议的瑕疵</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reject (False Alarm)</source>
        <translation>拒绝 (误报)(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept All of This &amp;Type</source>
        <translation>接受此类型的全部瑕疵(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re-propose (C&amp;lassic)</source>
        <translation>重新生成修复建议 (经典算法)(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-propose (Mo&amp;del)</source>
        <translation>重新生成修复建议 (模型)(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;dd Artifact from Selection...</source>
        <translation>从选区添加瑕疵(&amp;D)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Repair</source>
        <translation>修复(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clean All (Accept Every Proposal)</source>
        <translation>全部清理 (接受所有修复建议)(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clean all</source>
        <translation>全部清理</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;In-between Selection</source>
        <translation>补间选区(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;omplete Selection</source>
        <translation>补全选区(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter Selection...</source>
        <translation>对选区滤波(&amp;F)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foot &amp;Lock Selection</source>
        <translation>锁定选区脚步(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Apply Selection Repair</source>
        <translation>应用选区修复(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Revert Selection to Original</source>
        <translation>将选区还原为原始数据(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Label</source>
        <translation>标签(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Labelling Mode</source>
        <translation>标注模式(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Brush: %1</source>
        <translation>画笔：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Fill Selection with Brush</source>
        <translation>用画笔填充选区(&amp;F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shift+F</source>
        <translation>Shift+F</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous Take</source>
        <translation>上一个镜次(&amp;P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next Take</source>
        <translation>下一个镜次(&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark Take &amp;Done</source>
        <translation>将镜次标记为已完成(&amp;D)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot update the queue</source>
        <translation>无法更新队列</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Device</source>
        <translation>设备(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic (GPU when present)</source>
        <translation>自动 (有 GPU 时使用 GPU)</translation>
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
        <translation>权重(&amp;W)...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model Weights</source>
        <translation>模型权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MotionMender models (*.mmmodel)</source>
        <translation>MotionMender 模型 (*.mmmodel)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sampling &amp;Steps...</source>
        <translation>采样步数(&amp;S)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sampling Steps</source>
        <translation>采样步数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Diffusion steps (more: slower, smoother):</source>
        <translation>扩散步数 (越多越慢，结果越平滑)：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save the Generated Take</source>
        <translation>保存生成的镜次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Motion files (*.bvh *.amc *.fbx *.glb *.gltf)</source>
        <translation>动作文件 (*.bvh *.amc *.fbx *.glb *.gltf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot add %1 to the project</source>
        <translation>无法将 %1 添加到项目</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Frame Character</source>
        <translation>框显角色(&amp;F)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fit &amp;Timeline to Take</source>
        <translation>时间轴适配整个镜次(&amp;T)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom Timeline &amp;In</source>
        <translation>放大时间轴(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom Timeline &amp;Out</source>
        <translation>缩小时间轴(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+-</source>
        <translation>Ctrl+-</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ruler in Time&amp;code</source>
        <translation>标尺显示时间码(&amp;C)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Play &amp;Backwards (J)</source>
        <translation>反向播放(&amp;B) (J)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stop (K)</source>
        <translation>停止(&amp;S) (K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play &amp;Forwards (L)</source>
        <translation>正向播放(&amp;F) (L)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>F&amp;irst Frame</source>
        <translation>第一帧(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Last Frame</source>
        <translation>最后一帧(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About MotionMender</source>
        <translation>关于 MotionMender(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About MotionMender</source>
        <translation>关于 MotionMender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MotionMender %1: motion-capture cleanup.
The shipped model was trained on the Bandai Namco Research Motion Dataset (CC BY-NC 4.0).</source>
        <translation>MotionMender %1：动作捕捉数据清理工具。
随附的模型使用 Bandai Namco Research Motion Dataset (CC BY-NC 4.0) 训练。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Transport</source>
        <translation>播放控制</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Motion files (%1)</source>
        <translation>动作文件 (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Motion</source>
        <translation>打开动作文件</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+7"/>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot open the take</source>
        <translation>无法打开镜次</translation>
    </message>
    <message>
        <location line="-155"/>
        <location line="+167"/>
        <source>Cannot save %1</source>
        <translation>无法保存 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+13"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Motion</source>
        <translation>导出动作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BVH (*.bvh);;FBX (*.fbx);;glTF binary (*.glb);;glTF (*.gltf)</source>
        <translation>BVH (*.bvh);;FBX (*.fbx);;glTF 二进制 (*.glb);;glTF (*.gltf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot export %1</source>
        <translation>无法导出 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+19"/>
        <location line="+4"/>
        <source>Cannot export labels</source>
        <translation>无法导出标签</translation>
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
        <translation>导出标签</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>labels.json</source>
        <translation>labels.json</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: use .json, .csv or .npz</source>
        <translation>%1：请使用 .json、.csv 或 .npz</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Exported the labels of %n take(s)</source>
        <translation>
            <numerusform>已导出 %n 个镜次的标签</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+10"/>
        <location line="+18"/>
        <source>Select frames first (Shift+drag on the timeline)</source>
        <translation>请先选择帧 (在时间轴上按住 Shift 拖动)</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Add Artifact</source>
        <translation>添加瑕疵</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Filter Selection</source>
        <translation>对选区滤波</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Low-pass cut-off (Hz):</source>
        <translation>低通截止频率 (Hz)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Proposal shown as the ghost: Ctrl+Return applies it</source>
        <translation>修复建议以重影显示：按 Ctrl+Return 应用</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Untitled</source>
        <translation>未命名</translation>
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
        <translation>无片段</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>frame %1 / %2  (%3 fps)</source>
        <translation>帧 %1 / %2  (%3 fps)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause (Space)</source>
        <translation>暂停 (空格键)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play (Space)</source>
        <translation>播放 (空格键)</translation>
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
        <translation>例如：an old man walks, then waves with his right hand</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Insert at the play head</source>
        <translation>在播放头处插入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the selection</source>
        <translation>替换选区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New take</source>
        <translation>新镜次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place:</source>
        <translation>放置：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from the prompt</source>
        <translation>按提示词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length of the generated motion; &quot;from the prompt&quot; uses the durations it names (4 s per segment otherwise). Replacing the selection keeps its length.</source>
        <translation>生成动作的长度；“按提示词”使用提示词中指定的时长 (未指定时每段 4 秒)。替换选区时保持选区原有长度。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length:</source>
        <translation>长度：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Candidates to choose from, each drawn as the ghost</source>
        <translation>可供选择的候选数量，每个候选都以重影显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples:</source>
        <translation>样本数：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+131"/>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Applied: Edit &gt; Undo takes it back. The new frames are analysed like any other.</source>
        <translation>已应用：可通过“编辑 &gt; 撤销”撤回。新帧会和其他帧一样被分析。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Generation failed: %1</source>
        <translation>生成失败：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Describe the motion with the actions and styles the model knows (walk, run, wave, bow, old, happy, ...), in a sequence (&quot;walk, then run&quot;), for a duration (&quot;for 3 seconds&quot;) or per body part (&quot;walk while waving the right hand&quot;).</source>
        <translation>请用英文、以模型认识的动作和风格 (walk, run, wave, bow, old, happy, ...) 描述动作，可以按顺序 (“walk, then run”)、指定时长 (“for 3 seconds”) 或按身体部位 (“walk while waving the right hand”) 描述。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing understood yet.</source>
        <translation>尚未识别出任何内容。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>any action</source>
        <translation>任意动作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any style</source>
        <translation>任意风格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 s (default)</source>
        <translation>, %1 秒 (默认)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n frame(s)</source>
        <translation>
            <numerusform>, %n 帧</numerusform>
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
        <translation>&apos;%1&apos; (相近的词：%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not place %1</source>
        <translation>无法识别：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ignored: %1</source>
        <translation>已忽略：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exact words only (WordNet is not available).</source>
        <translation>仅识别完全匹配的词 (WordNet 不可用)。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Save as New Take...</source>
        <translation>另存为新镜次(&amp;S)...</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Generating %n sample(s)...</source>
        <translation>
            <numerusform>正在生成 %n 个样本...</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sample %1</source>
        <translation>样本 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n sample(s): pick one to see it as the ghost (press Space to play), then Apply.</source>
        <translation>
            <numerusform>%n 个样本：选择一个即可以重影查看 (按空格键播放)，然后点击“应用”。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shown as the ghost (press Space to play); Apply keeps it.</source>
        <translation>已以重影显示 (按空格键播放)；点击“应用”即可保留。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
</context>
<context>
    <name>mm::app::RecentFiles</name>
    <message>
        <location filename="../app/gui/recentfiles.cpp" line="+49"/>
        <source>No recent files</source>
        <translation>无最近文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear Menu</source>
        <translation>清除菜单</translation>
    </message>
</context>
<context>
    <name>mm::app::ReviewDock</name>
    <message>
        <location filename="../app/gui/reviewdock.cpp" line="+22"/>
        <source>Artifacts</source>
        <translation>瑕疵</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All decisions</source>
        <translation>全部审核结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
</context>
<context>
    <name>mm::app::Screenshot</name>
    <message>
        <location filename="../app/gui/screenshot.cpp" line="+32"/>
        <source>the 3D view rendered no frame within %1 s</source>
        <translation>3D 视图在 %1 秒内没有渲染出任何帧</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>mm::app::TakeQueueDock</name>
    <message>
        <location filename="../app/gui/takequeuedock.cpp" line="+17"/>
        <source>Take Queue</source>
        <translation>镜次队列</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No project open</source>
        <translation>没有打开的项目</translation>
    </message>
</context>
<context>
    <name>mm::app::TaskStatus</name>
    <message>
        <location filename="../app/gui/taskstatus.cpp" line="+21"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the running task (Esc)</source>
        <translation>停止正在运行的任务 (Esc)</translation>
    </message>
</context>
<context>
    <name>mm::app::Translations</name>
    <message>
        <location filename="../app/gui/translations.cpp" line="+66"/>
        <source>No translation for &quot;%1&quot;; using English.</source>
        <translation>没有“%1”的翻译，将使用英文。</translation>
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
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames</source>
        <translation>帧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parts</source>
        <translation>部位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>变化量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>审核结果</translation>
    </message>
</context>
<context>
    <name>mm::editor::GenerationController</name>
    <message>
        <location filename="../editor/generationcontroller.cpp" line="+80"/>
        <source>Open a take first, or generate a new take.</source>
        <translation>请先打开一个镜次，或生成新镜次。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The prompt names no action or style.</source>
        <translation>提示词中没有指定任何动作或风格。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to generate: %1</source>
        <translation>没有可生成的内容：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select the frames to replace first (drag on the timeline).</source>
        <translation>请先选择要替换的帧 (在时间轴上拖动)。</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Generating %n frame(s) at the play head</source>
        <translation>
            <numerusform>正在播放头处生成 %n 帧</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Generating frames %1-%2</source>
        <translation>正在生成第 %1-%2 帧</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Generating a new take of %n frame(s)</source>
        <translation>
            <numerusform>正在生成 %n 帧的新镜次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+103"/>
        <source>The take changed while generating: generate again.</source>
        <translation>生成期间镜次已更改，请重新生成。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Generated: %1 (sample %2 of %3)</source>
        <translation>已生成：%1 (样本 %2 / %3)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing generated to apply.</source>
        <translation>没有可应用的生成结果。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new take is written to a file, not applied.</source>
        <translation>新镜次将写入文件，而不是直接应用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The take changed since these samples were generated: generate again.</source>
        <translation>这些样本生成后镜次已更改，请重新生成。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generate “%1”</source>
        <translation>生成“%1”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The generated frames do not fit the take&apos;s skeleton.</source>
        <translation>生成的帧与镜次的骨架不匹配。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No new take was generated.</source>
        <translation>尚未生成新镜次。</translation>
    </message>
</context>
<context>
    <name>mm::editor::ProjectSession</name>
    <message>
        <location filename="../editor/projectsession.cpp" line="+65"/>
        <source>%1: only a take opened from a file can be saved in a project</source>
        <translation>%1：只有从文件打开的镜次才能保存到项目中</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>no project is open</source>
        <translation>没有打开的项目</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: the project has no take %2</source>
        <translation>%1：项目中没有镜次 %2</translation>
    </message>
</context>
<context>
    <name>mm::editor::ReviewController</name>
    <message>
        <location filename="../editor/reviewcontroller.cpp" line="-117"/>
        <source>Analysing</source>
        <translation>正在分析</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Proposing a fix</source>
        <translation>正在生成修复建议</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Proposing fixes</source>
        <translation>正在生成多个修复建议</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Repairing the selection</source>
        <translation>正在修复选区</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Accept all %1</source>
        <translation>接受全部 %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Revert frames %1-%2 to the original</source>
        <translation>将第 %1-%2 帧还原为原始数据</translation>
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
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Take</source>
        <translation>镜次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2 done</source>
        <translation>已完成 %1 / %2</translation>
    </message>
</context>
<context>
    <name>mm::timeline::TimelinePainter</name>
    <message>
        <location filename="../timeline/timelinepainter.cpp" line="+107"/>
        <source>Timecode</source>
        <translation>时间码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Torso</source>
        <translation>躯干</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left arm</source>
        <translation>左臂</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Right arm</source>
        <translation>右臂</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left leg</source>
        <translation>左腿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right leg</source>
        <translation>右腿</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Artifacts</source>
        <translation>瑕疵</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>T</source>
        <comment>torso</comment>
        <translation>躯</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LA</source>
        <comment>left arm</comment>
        <translation>左臂</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RA</source>
        <comment>right arm</comment>
        <translation>右臂</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LL</source>
        <comment>left leg</comment>
        <translation>左腿</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RL</source>
        <comment>right leg</comment>
        <translation>右腿</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change</source>
        <translation>变化量</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>max %1 mm</source>
        <translation>最大 %1 mm</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Not analysed yet</source>
        <translation>尚未分析</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>No proposal under review</source>
        <translation>没有正在审核的修复建议</translation>
    </message>
</context>
<context>
    <name>mm::viewport::SkeletonView</name>
    <message>
        <location filename="../viewport/skeletonview.cpp" line="+107"/>
        <source>Show Proposal &amp;Ghost</source>
        <translation>显示修复建议重影(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show Proposal &amp;Applied (Before/After)</source>
        <translation>显示应用修复建议后的效果 (前/后)(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Follow Character</source>
        <translation>跟随角色(&amp;F)</translation>
    </message>
</context>
</TS>
