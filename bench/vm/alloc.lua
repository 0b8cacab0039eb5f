local last = nil
for i = 0, 3000000 - 1 do
  last = { next = last and last.next or nil, value = i }
end
print(last.value)
