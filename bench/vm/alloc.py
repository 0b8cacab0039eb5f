class Node:
    __slots__ = ("next", "value")
    def __init__(self, next, value):
        self.next = next
        self.value = value
last = None
for i in range(3000000):
    last = Node(last.next if last else None, i)
print(last.value)
