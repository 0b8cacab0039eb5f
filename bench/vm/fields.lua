local Counter = {}
Counter.__index = Counter
function Counter.bump(self) self.count = self.count + 1 end
local c = setmetatable({count = 0}, Counter)
for i = 1, 3000000 do c:bump() end
print(c.count)
